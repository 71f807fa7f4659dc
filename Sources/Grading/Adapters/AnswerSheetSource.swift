import AnswerSheets
import Foundation

/// Reads sheets with AnswerSheets' `SheetReader`.
public struct AnswerSheetSource: SheetSource {
    public var reader: SheetReader

    public init(reader: SheetReader) {
        self.reader = reader
    }

    public func answers(at url: URL, name: String) throws -> SheetAnswers {
        let sheet = try reader.read(fileAt: url, name: name)
        return SheetAnswers(answers: sheet.questions.map(AnswerInput.init), warnings: sheet.warnings)
    }
}

extension AnswerInput {
    public init(_ question: Question) {
        self.init(
            id: question.id, scoringText: question.scoringText,
            cells: question.cells.map { CellInput(code: $0.code, recordedOutput: $0.recordedOutput, line: $0.line) }
        )
    }
}
