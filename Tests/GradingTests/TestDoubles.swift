import Foundation
import Reports
@testable import Grading

/// A runner that answers from a table: code → record, as the engine would; anything else fails
/// with a NameError for `unknown`, so a test notices code it did not expect to run.
struct TableRunner: CodeRunner {
    var table: [String: ExecutionRecord]
    /// Cell lists it was asked to run, in order (for asserting prelude and repair runs).
    let calls = CallLog()

    func run(cells: [String]) -> CellsRun {
        calls.append(cells)
        var records: [ExecutionRecord] = []
        for cell in cells {
            let record = table[cell] ?? ExecutionRecord(status: .error, exception: RaisedException(type: "NameError", message: "name 'unknown' is not defined", line: 1))
            records.append(record)
            if record.status != .ok { break }
        }
        return CellsRun(cells: records)
    }
}

final class CallLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [[String]] = []

    func append(_ cells: [String]) {
        lock.lock()
        entries.append(cells)
        lock.unlock()
    }

    var all: [[String]] {
        lock.lock()
        defer { lock.unlock() }
        return entries
    }
}

struct FixedProse: ProseScoring {
    var score: Double

    func score(answer: String, questionID: String) throws -> ProseOutcome {
        ProseOutcome(score: answer.isEmpty ? 0 : score, max: 2, concepts: ConceptResults(earned: [EarnedConcept(id: "c", points: score, quote: answer, match: "exact")]), feedback: ["prose \(questionID)"])
    }
}

/// Sheets written as `Q3|code|recorded` lines, `---` between cells; enough to drive the
/// pipeline without the sheet reader.
struct LineSheetSource: SheetSource {
    func answers(at url: URL, name: String) throws -> SheetAnswers {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw SetupError("\(name): unreadable") }
        if text.hasPrefix("BROKEN") { throw SetupError("\(name): not a sheet") }
        var answers: [AnswerInput] = []
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2 else { continue }
            let cell = CellInput(code: parts[1].replacingOccurrences(of: "\\n", with: "\n"), recordedOutput: parts.count > 2 ? parts[2].replacingOccurrences(of: "\\n", with: "\n") : nil)
            if let index = answers.firstIndex(where: { $0.id == parts[0] }) {
                answers[index].cells.append(cell)
            } else {
                answers.append(AnswerInput(id: parts[0], scoringText: "some words", cells: parts[1].isEmpty ? [] : [cell]))
            }
        }
        return SheetAnswers(answers: answers)
    }
}
