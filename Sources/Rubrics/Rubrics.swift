// The Rubrics layer. See README "Architecture".
