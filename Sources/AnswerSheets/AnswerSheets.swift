// The AnswerSheets layer. See README "Architecture".
