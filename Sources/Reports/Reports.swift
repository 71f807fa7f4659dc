// The Reports layer. See README "Architecture".
