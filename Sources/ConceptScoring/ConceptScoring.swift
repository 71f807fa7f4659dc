// The ConceptScoring layer. See README "Architecture".
