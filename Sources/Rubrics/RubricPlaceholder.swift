// Rubrics layer.
