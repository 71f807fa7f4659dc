// The Grading layer. See README "Architecture".
