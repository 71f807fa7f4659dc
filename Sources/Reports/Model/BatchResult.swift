import Foundation

/// The result of grading a batch of answer sheets against one rubric: the root of the stable
/// JSON contract (`results.json`, see `design.md`).
///
/// The contract keys (`rubric`, `submissions`) are never renamed or removed without a version
/// bump; the batch-level extras (`grader_version`, `generated_at`) are optional so that a file
/// written without them (by hand, by an older grader, by a test) still decodes.
public struct BatchResult: Codable, Sendable, Equatable {
    /// What the batch was graded against: the rubric's path or title, as the pipeline names it.
    public var rubric: String
    /// One entry per answer sheet, in the order the pipeline produced them.
    public var submissions: [SubmissionResult]
    /// Version of the grader that produced the batch (helps explain a changed score later).
    public var graderVersion: String?
    /// When the batch was produced, as ISO 8601 (UTC). A string rather than a `Date` so the
    /// JSON is byte-for-byte what was decoded and tests can pin it.
    public var generatedAt: String?

    public init(
        rubric: String,
        submissions: [SubmissionResult],
        graderVersion: String? = nil,
        generatedAt: String? = nil
    ) {
        self.rubric = rubric
        self.submissions = submissions
        self.graderVersion = graderVersion
        self.generatedAt = generatedAt
    }

    enum CodingKeys: String, CodingKey {
        case rubric, submissions
        case graderVersion = "grader_version"
        case generatedAt = "generated_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rubric = try c.decode(String.self, forKey: .rubric)
        submissions = try c.decode([SubmissionResult].self, forKey: .submissions)
        graderVersion = try c.decodeIfPresent(String.self, forKey: .graderVersion)
        generatedAt = try c.decodeIfPresent(String.self, forKey: .generatedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rubric, forKey: .rubric)
        try c.encode(submissions, forKey: .submissions)
        try c.encodeIfPresent(graderVersion, forKey: .graderVersion)
        try c.encodeIfPresent(generatedAt, forKey: .generatedAt)
    }

    /// The current time in the format `generatedAt` uses (ISO 8601, UTC, whole seconds).
    public static func timestamp(_ date: Date = Date()) -> String {
        date.formatted(.iso8601)
    }
}
