/// How a prose answer scored against the rubric's concepts: what was found (with the student's
/// own words, so feedback can quote them), what is missing (with the rubric's hint), and which
/// misconceptions cost points.
public struct ConceptResults: Codable, Sendable, Equatable {
    public var earned: [EarnedConcept]
    public var missing: [MissingConcept]
    public var misconceptions: [Misconception]

    public init(earned: [EarnedConcept] = [], missing: [MissingConcept] = [], misconceptions: [Misconception] = []) {
        self.earned = earned
        self.missing = missing
        self.misconceptions = misconceptions
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        earned = try c.decodeIfPresent([EarnedConcept].self, forKey: .earned) ?? []
        missing = try c.decodeIfPresent([MissingConcept].self, forKey: .missing) ?? []
        misconceptions = try c.decodeIfPresent([Misconception].self, forKey: .misconceptions) ?? []
    }

    enum CodingKeys: String, CodingKey { case earned, missing, misconceptions }
}

/// A rubric concept the answer expressed.
public struct EarnedConcept: Codable, Sendable, Equatable {
    /// The rubric's concept id.
    public var id: String
    public var points: Double
    /// The student's words that matched, verbatim (untrusted: writers escape it).
    public var quote: String
    /// How it matched, in words for the student: `"synonym \"separate memory\""`, `"typo"`.
    public var match: String

    public init(id: String, points: Double, quote: String, match: String) {
        self.id = id
        self.points = points
        self.quote = quote
        self.match = match
    }

    enum CodingKeys: String, CodingKey { case id, points, quote, match }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(ScoreValue(points), forKey: .points)
        try c.encode(quote, forKey: .quote)
        try c.encode(match, forKey: .match)
    }
}

/// A rubric concept the answer did not express.
public struct MissingConcept: Codable, Sendable, Equatable {
    public var id: String
    public var points: Double
    /// What the student could have said, from the rubric.
    public var hint: String

    public init(id: String, points: Double, hint: String) {
        self.id = id
        self.points = points
        self.hint = hint
    }

    enum CodingKeys: String, CodingKey { case id, points, hint }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(ScoreValue(points), forKey: .points)
        try c.encode(hint, forKey: .hint)
    }
}

/// A wrong statement the rubric penalises, with the student's words that made it.
public struct Misconception: Codable, Sendable, Equatable {
    public var id: String
    /// Points deducted, as a positive number.
    public var points: Double
    public var quote: String

    public init(id: String, points: Double, quote: String) {
        self.id = id
        self.points = points
        self.quote = quote
    }

    enum CodingKeys: String, CodingKey { case id, points, quote }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(ScoreValue(points), forKey: .points)
        try c.encode(quote, forKey: .quote)
    }
}
