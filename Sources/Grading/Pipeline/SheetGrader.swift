import Foundation
import Reports

/// Reads a sheet into answers. AnswerSheets implements it (`SheetSource+AnswerSheets.swift`).
public protocol SheetSource: Sendable {
    /// The sheet's answers in sheet order (Q1 before Q2 ...), and the reader's warnings. Throws
    /// an error that names the file when the sheet cannot be read at all.
    func answers(at url: URL, name: String) throws -> SheetAnswers
}

public struct SheetAnswers: Sendable, Equatable {
    public var answers: [AnswerInput]
    public var warnings: [String]

    public init(answers: [AnswerInput], warnings: [String] = []) {
        self.answers = answers
        self.warnings = warnings
    }
}

/// Grades whole sheets against one rubric: every rubric question, in rubric order, each with
/// `QuestionGrader`.
public struct SheetGrader: Sendable {
    public var questions: [QuestionSpec]
    public var source: any SheetSource
    public var questionGrader: QuestionGrader

    public init(questions: [QuestionSpec], source: any SheetSource, questionGrader: QuestionGrader) {
        self.questions = questions
        self.source = source
        self.questionGrader = questionGrader
    }

    /// Grades the sheet a job names. Never throws: a sheet that cannot be read is a result with
    /// `error` set (and no fingerprint, so a rerun tries it again).
    public func grade(_ job: SheetJob) -> SubmissionResult {
        let sheet: SheetAnswers
        do {
            sheet = try source.answers(at: URL(fileURLWithPath: job.path), name: job.file)
        } catch {
            return SubmissionResult(file: job.file, score: 0, max: questions.reduce(0) { $0 + $1.points }, error: String(describing: error), questions: [])
        }
        var result = grade(sheet, file: job.file)
        result.fingerprint = job.fingerprint
        return result
    }

    /// Grades answers already read.
    public func grade(_ sheet: SheetAnswers, file: String) -> SubmissionResult {
        let results = questions.map { spec -> QuestionResult in
            let position = sheet.answers.firstIndex { $0.id == spec.id }
            let earlier = position.map { sheet.answers[..<$0].flatMap { $0.cells.map(\.code) } } ?? []
            return questionGrader.grade(spec, answer: position.map { sheet.answers[$0] }, earlierCells: earlier)
        }
        var result = SubmissionResult.summing(file: file, questions: results)
        result.warnings = sheet.warnings
        return result
    }
}

/// One sheet to grade: what the orchestrator sends a sandbox worker.
public struct SheetJob: Codable, Sendable, Equatable {
    /// The sheet's name in reports (its path as given on the command line).
    public var file: String
    /// Where to read it (absolute, so workers need not share the working directory).
    public var path: String
    /// The content + rubric + grader fingerprint stored with the result.
    public var fingerprint: String

    public init(file: String, path: String, fingerprint: String) {
        self.file = file
        self.path = path
        self.fingerprint = fingerprint
    }
}
