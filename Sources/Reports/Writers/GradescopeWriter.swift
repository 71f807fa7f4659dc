import Foundation

/// Gradescope's autograder output (`/autograder/results/results.json`), one per submission
/// since Gradescope runs the autograder once per student.
///
/// Each question becomes a test with its score and max; its `output` is the same Markdown
/// feedback the student gets (`output_format: "md"`), so hidden checks stay hidden here too.
public struct GradescopeWriter: Sendable {
    /// Who sees the tests and the overall result, and when.
    public var visibility: GradescopeVisibility
    /// Who sees the autograder's stdout (instructors only, by default: it is a debugging aid).
    public var stdoutVisibility: GradescopeVisibility

    public init(visibility: GradescopeVisibility = .visible, stdoutVisibility: GradescopeVisibility = .hidden) {
        self.visibility = visibility
        self.stdoutVisibility = stdoutVisibility
    }

    public func results(for s: SubmissionResult) -> GradescopeResults {
        let markdown = MarkdownFeedbackWriter()
        let tests = s.questions.map { q -> GradescopeResults.Test in
            var name = q.id
            if let title = q.title, !title.isEmpty { name += ": \(title)" }
            return GradescopeResults.Test(
                name: name,
                score: ScoreValue.round(q.score),
                maxScore: ScoreValue.round(q.max),
                output: markdown.details(q),
                status: q.isFullMarks ? .passed : .failed,
                visibility: visibility
            )
        }
        var output = "Score: \(ScoreFormat.fraction(s.score, of: s.max)) (\(ScoreFormat.percent(s.score, of: s.max)))"
        if let error = s.error {
            output = "This submission could not be graded completely: \(error)\n\n" + output
        }
        return GradescopeResults(
            score: ScoreValue.round(s.score),
            tests: tests,
            output: output,
            visibility: visibility,
            stdoutVisibility: stdoutVisibility
        )
    }

    public func render(_ s: SubmissionResult) throws -> Data {
        try ResultsJSONWriter.encode(results(for: s))
    }
}

/// Gradescope's visibility settings.
public enum GradescopeVisibility: String, Codable, Sendable, CaseIterable {
    case visible, hidden
    case afterDueDate = "after_due_date"
    case afterPublished = "after_published"
}

/// The subset of Gradescope's autograder `results.json` the grader produces.
public struct GradescopeResults: Codable, Sendable, Equatable {
    public var score: Double
    public var tests: [Test]
    public var output: String
    public var outputFormat: String = "text"
    public var visibility: GradescopeVisibility
    public var stdoutVisibility: GradescopeVisibility

    public struct Test: Codable, Sendable, Equatable {
        public var name: String
        public var score: Double
        public var maxScore: Double
        public var output: String
        public var outputFormat: String = "md"
        public var status: Status
        public var visibility: GradescopeVisibility

        public enum Status: String, Codable, Sendable { case passed, failed }

        enum CodingKeys: String, CodingKey {
            case name, score, output, status, visibility
            case maxScore = "max_score"
            case outputFormat = "output_format"
        }
    }

    enum CodingKeys: String, CodingKey {
        case score, tests, output, visibility
        case outputFormat = "output_format"
        case stdoutVisibility = "stdout_visibility"
    }
}
