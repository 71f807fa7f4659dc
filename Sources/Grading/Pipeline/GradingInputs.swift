import Reports

/// What the pipeline needs from the rubric for one question, in the Grading layer's own terms
/// (built from the rubric model by `QuestionSpec+Rubric.swift`; by tests directly).
public struct QuestionSpec: Sendable, Equatable {
    public var id: String
    public var title: String?
    public var kind: QuestionKind
    /// The question's full weight.
    public var points: Double
    /// The prose part's share of `points` (0 for code questions).
    public var proseMax: Double
    /// The code checks (empty for prose questions).
    public var checks: CheckSet

    public init(id: String, title: String? = nil, kind: QuestionKind, points: Double, proseMax: Double? = nil, checks: CheckSet = CheckSet(checks: [])) {
        self.id = id
        self.title = title
        self.kind = kind
        self.points = points
        self.proseMax = proseMax ?? (kind == .code ? 0 : points)
        self.checks = checks
    }

    /// The code part's share of `points`.
    public var codeMax: Double { max(0, points - proseMax) }
}

/// A student's answer to one question, in the Grading layer's own terms (built from the sheet
/// model by `AnswerInput+Sheet.swift`; by tests directly).
public struct AnswerInput: Sendable, Equatable {
    public var id: String
    /// The prose with markup removed, for scoring.
    public var scoringText: String
    public var cells: [CellInput]

    public init(id: String, scoringText: String = "", cells: [CellInput] = []) {
        self.id = id
        self.scoringText = scoringText
        self.cells = cells
    }
}

/// One code cell as the student submitted it.
public struct CellInput: Sendable, Equatable {
    public var code: String
    public var recordedOutput: String?
    /// 1-based line of the sheet where the code starts (for messages).
    public var line: Int

    public init(code: String, recordedOutput: String? = nil, line: Int = 0) {
        self.code = code
        self.recordedOutput = recordedOutput
        self.line = line
    }
}
