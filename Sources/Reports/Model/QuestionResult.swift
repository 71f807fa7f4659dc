/// What a question asked for, which decides which parts of its result are meaningful.
public enum QuestionKind: String, Codable, Sendable, CaseIterable {
    case prose, code, both

    /// True when the question has code that was (or should have been) run.
    public var hasCode: Bool { self != .prose }
}

/// The result for one question of one sheet.
///
/// Contract keys: `id`, `kind`, `score`, `max`, `feedback`, `execution` (JSON `null` for a
/// prose-only question, so every question object has the same keys). Extras: `title`,
/// `concepts` (prose scoring), `checks` (code checks), `cells` (each code cell run).
public struct QuestionResult: Codable, Sendable, Equatable {
    public var id: String
    public var kind: QuestionKind
    public var score: Double
    public var max: Double
    /// Sentences for the student, in the order they should read them.
    public var feedback: [String]
    /// How running the question's code went, as a whole; `nil` for prose-only questions.
    public var execution: ExecutionResult?
    /// The question's prompt or short title, when the rubric gives one.
    public var title: String?
    /// Prose scoring details; `nil` when the question has no prose part.
    public var concepts: ConceptResults?
    /// Code checks and their outcome (empty for prose-only questions).
    public var checks: [CheckResult]
    /// Each code cell of the question as submitted and run.
    public var cells: [CellResult]

    public init(
        id: String,
        kind: QuestionKind,
        score: Double,
        max: Double,
        feedback: [String] = [],
        execution: ExecutionResult? = nil,
        title: String? = nil,
        concepts: ConceptResults? = nil,
        checks: [CheckResult] = [],
        cells: [CellResult] = []
    ) {
        self.id = id
        self.kind = kind
        self.score = score
        self.max = max
        self.feedback = feedback
        self.execution = execution
        self.title = title
        self.concepts = concepts
        self.checks = checks
        self.cells = cells
    }

    /// Full marks (allowing for floating-point noise from summing quarter points).
    public var isFullMarks: Bool { score + ScoreValue.tolerance >= max }

    enum CodingKeys: String, CodingKey {
        case id, kind, score, max, feedback, execution, title, concepts, checks, cells
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(QuestionKind.self, forKey: .kind)
        score = try c.decode(Double.self, forKey: .score)
        max = try c.decode(Double.self, forKey: .max)
        feedback = try c.decodeIfPresent([String].self, forKey: .feedback) ?? []
        execution = try c.decodeIfPresent(ExecutionResult.self, forKey: .execution)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        concepts = try c.decodeIfPresent(ConceptResults.self, forKey: .concepts)
        checks = try c.decodeIfPresent([CheckResult].self, forKey: .checks) ?? []
        cells = try c.decodeIfPresent([CellResult].self, forKey: .cells) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(ScoreValue(score), forKey: .score)
        try c.encode(ScoreValue(max), forKey: .max)
        try c.encode(feedback, forKey: .feedback)
        try c.encode(execution, forKey: .execution)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(concepts, forKey: .concepts)
        try c.encode(checks, forKey: .checks)
        try c.encode(cells, forKey: .cells)
    }
}
