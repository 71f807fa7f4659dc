/// The outcome of one code check from the rubric's `checks:` (e.g. "four processes printed
/// four different numbers").
public struct CheckResult: Codable, Sendable, Equatable {
    public var name: String
    /// Points the check is worth.
    public var points: Double
    /// Points it earned (partial credit allowed).
    public var earned: Double
    public var passed: Bool
    /// What to tell the student about this check.
    public var feedback: String?
    /// What the check looked for, in words or as a value.
    public var expected: String?
    /// What the run actually did.
    public var actual: String?
    /// A hidden check: student-facing reports say only that it passed or failed, never its
    /// name's details, expectation or actual value, so hidden tests do not leak into feedback.
    public var hidden: Bool

    public init(
        name: String,
        points: Double,
        earned: Double,
        passed: Bool,
        feedback: String? = nil,
        expected: String? = nil,
        actual: String? = nil,
        hidden: Bool = false
    ) {
        self.name = name
        self.points = points
        self.earned = earned
        self.passed = passed
        self.feedback = feedback
        self.expected = expected
        self.actual = actual
        self.hidden = hidden
    }

    enum CodingKeys: String, CodingKey { case name, points, earned, passed, feedback, expected, actual, hidden }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        points = try c.decode(Double.self, forKey: .points)
        earned = try c.decode(Double.self, forKey: .earned)
        passed = try c.decode(Bool.self, forKey: .passed)
        feedback = try c.decodeIfPresent(String.self, forKey: .feedback)
        expected = try c.decodeIfPresent(String.self, forKey: .expected)
        actual = try c.decodeIfPresent(String.self, forKey: .actual)
        hidden = try c.decodeIfPresent(Bool.self, forKey: .hidden) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(ScoreValue(points), forKey: .points)
        try c.encode(ScoreValue(earned), forKey: .earned)
        try c.encode(passed, forKey: .passed)
        try c.encode(feedback, forKey: .feedback)
        try c.encode(expected, forKey: .expected)
        try c.encode(actual, forKey: .actual)
        try c.encode(hidden, forKey: .hidden)
    }
}
