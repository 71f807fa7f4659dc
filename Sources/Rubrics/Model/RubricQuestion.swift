/// How a question is answered, and so how it is marked.
public enum QuestionKind: String, Sendable, Codable, Hashable, CaseIterable {
    /// An explanation, scored against concepts.
    case prose
    /// Code cells, scored by the checks (defined by the code-checking layer).
    case code
    /// Both: a prose part (`proseMax` points) and a code part (the rest).
    case both

    public var hasProse: Bool { self != .code }
    public var hasCode: Bool { self != .prose }
}

/// One question of the rubric.
public struct RubricQuestion: Sendable, Codable, Hashable {
    public var id: String
    public var title: String?
    public var kind: QuestionKind
    /// The question's full weight (prose and code parts together).
    public var points: Double
    /// The most the prose part can earn: `points` for prose questions, `prose_points` for
    /// `both`, 0 for code questions.
    public var proseMax: Double
    /// The prose score never exceeds this (defaults to `proseMax`; may be lower, never higher).
    public var cap: Double
    /// The prose score when a required concept is missing never exceeds this
    /// (default: half of `cap`, rounded down to a half point).
    public var requiredCap: Double
    /// Answers with fewer words than this earn nothing for prose.
    public var minWords: Int
    public var concepts: [Concept]
    public var misconceptions: [Concept]
    /// The code checks, kept as written: their meaning belongs to the code-checking layer.
    public var checks: [OpaqueYAML]
    public var location: SourceLocation

    public init(id: String, title: String? = nil, kind: QuestionKind, points: Double,
                proseMax: Double? = nil, cap: Double? = nil, requiredCap: Double? = nil,
                minWords: Int = 0, concepts: [Concept] = [], misconceptions: [Concept] = [],
                checks: [OpaqueYAML] = [], location: SourceLocation) {
        self.id = id
        self.title = title
        self.kind = kind
        self.points = points
        let prose = proseMax ?? (kind == .code ? 0 : points)
        self.proseMax = prose
        let cap = cap ?? prose
        self.cap = cap
        self.requiredCap = requiredCap ?? RubricQuestion.defaultRequiredCap(for: cap)
        self.minWords = minWords
        self.concepts = concepts
        self.misconceptions = misconceptions
        self.checks = checks
        self.location = location
    }

    /// Half the cap, rounded down to a half point: missing a required idea costs at least half.
    public static func defaultRequiredCap(for cap: Double) -> Double {
        (cap / 2 * 2).rounded(.down) / 2
    }

    /// The points the code part is worth.
    public var codePoints: Double { points - proseMax }

    /// The granularity marks are given in: 0.5 when any point value of the question is
    /// fractional, otherwise 1. Calibration rounds marks to it before comparing.
    public var markStep: Double {
        let values = [points, proseMax, cap] + concepts.map(\.points) + misconceptions.map(\.points)
        return values.allSatisfy { $0 == $0.rounded() } ? 1 : 0.5
    }
}
