import Foundation
import ProcessRuntime

/// The grader's version, stored with every result: a new version regrades unchanged sheets
/// (the engine or the checks may have changed what they would score).
public enum GraderVersion {
    public static let current = "0.1.0"
}

/// Everything needed to grade sheets against one rubric, built once per process (the
/// orchestrator, to validate the rubric; each worker, to grade).
public struct GradingSetup: Sendable {
    /// What results name as their rubric.
    public var rubricName: String
    /// The rubric file's bytes (part of every sheet's fingerprint).
    public var rubricData: Data
    public var questions: [QuestionSpec]
    public var source: any SheetSource
    public var prose: (any ProseScoring)?
    public var runner: any CodeRunner
    public var analyzer: (any CodeAnalyzer)?

    public init(
        rubricName: String, rubricData: Data, questions: [QuestionSpec], source: any SheetSource,
        prose: (any ProseScoring)?, runner: any CodeRunner, analyzer: (any CodeAnalyzer)?
    ) {
        self.rubricName = rubricName
        self.rubricData = rubricData
        self.questions = questions
        self.source = source
        self.prose = prose
        self.runner = runner
        self.analyzer = analyzer
    }

    public var sheetGrader: SheetGrader {
        SheetGrader(questions: questions, source: source, questionGrader: QuestionGrader(runner: runner, analyzer: analyzer, prose: prose))
    }
}

/// Why a rubric cannot be used; `grader grade` exits with 65.
public struct SetupError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
