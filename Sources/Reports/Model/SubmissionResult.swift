import Foundation

/// The result for one answer sheet.
///
/// `error` is `nil` when grading succeeded; when the sheet could not be graded at all (unreadable
/// file, no questions found), `error` says why, and `score` is 0 with whatever questions could be
/// scored still listed. An error is encoded as JSON `null`, not left out, because the contract
/// shows it that way and consumers test `.error == null`.
public struct SubmissionResult: Codable, Sendable, Equatable {
    /// The sheet's path as the pipeline names it (relative to where the batch was run).
    public var file: String
    public var score: Double
    public var max: Double
    public var error: String?
    public var questions: [QuestionResult]
    /// Who the sheet belongs to; by default derived from the file name (see `StudentIdentity`).
    public var studentName: String
    /// The LMS id found in the file name (Canvas/Moodle download naming), if any.
    public var studentID: String?
    /// An opaque key the pipeline stores to decide whether a rerun may skip this sheet
    /// (e.g. a digest of the sheet's bytes and of the rubric). Reports never interpret it.
    public var fingerprint: String?
    /// What the sheet reader noticed while reading the sheet (a question answered twice, page
    /// headers dropped, an unusual encoding): shown to the student and the instructor, so a
    /// misread sheet is visible rather than silently scored. JSON `warnings`, omitted when empty.
    public var warnings: [String]

    public init(
        file: String,
        score: Double,
        max: Double,
        error: String? = nil,
        questions: [QuestionResult],
        studentName: String? = nil,
        studentID: String? = nil,
        fingerprint: String? = nil,
        warnings: [String] = []
    ) {
        self.file = file
        self.score = score
        self.max = max
        self.error = error
        self.questions = questions
        let derived = StudentIdentity(path: file)
        self.studentName = studentName ?? derived.name
        self.studentID = studentID ?? (studentName == nil ? derived.id : nil)
        self.fingerprint = fingerprint
        self.warnings = warnings
    }

    /// Builds a result whose totals are the sums of its questions, the usual case.
    public static func summing(
        file: String,
        questions: [QuestionResult],
        error: String? = nil,
        studentName: String? = nil,
        studentID: String? = nil,
        fingerprint: String? = nil
    ) -> SubmissionResult {
        SubmissionResult(
            file: file,
            score: questions.reduce(0) { $0 + $1.score },
            max: questions.reduce(0) { $0 + $1.max },
            error: error,
            questions: questions,
            studentName: studentName,
            studentID: studentID,
            fingerprint: fingerprint
        )
    }

    /// True when the sheet was graded (whatever the score).
    public var succeeded: Bool { error == nil }

    /// Score as a percentage of `max` (0 when `max` is 0, so an empty rubric is not a crash).
    public var percent: Double { max > 0 ? score / max * 100 : 0 }

    enum CodingKeys: String, CodingKey {
        case file, score, max, error, questions
        case studentName = "student_name"
        case studentID = "student_id"
        case fingerprint
        case warnings
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let file = try c.decode(String.self, forKey: .file)
        self.file = file
        score = try c.decode(Double.self, forKey: .score)
        max = try c.decode(Double.self, forKey: .max)
        error = try c.decodeIfPresent(String.self, forKey: .error)
        questions = try c.decodeIfPresent([QuestionResult].self, forKey: .questions) ?? []
        let derived = StudentIdentity(path: file)
        let name = try c.decodeIfPresent(String.self, forKey: .studentName)
        studentName = name ?? derived.name
        studentID = try c.decodeIfPresent(String.self, forKey: .studentID) ?? (name == nil ? derived.id : nil)
        fingerprint = try c.decodeIfPresent(String.self, forKey: .fingerprint)
        warnings = try c.decodeIfPresent([String].self, forKey: .warnings) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(ScoreValue(score), forKey: .score)
        try c.encode(ScoreValue(max), forKey: .max)
        try c.encode(error, forKey: .error)  // explicit null on success
        try c.encode(questions, forKey: .questions)
        try c.encode(studentName, forKey: .studentName)
        try c.encode(studentID, forKey: .studentID)
        try c.encodeIfPresent(fingerprint, forKey: .fingerprint)
        if !warnings.isEmpty { try c.encode(warnings, forKey: .warnings) }
    }
}
