import AnswerSheets
import Foundation
import Testing
@testable import Grading

@Suite struct AnswerSheetSourceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func readsQuestionsCellsAndRecordedOutput() throws {
        let assignment = try Assignment.load(from: Self.root.appendingPathComponent("assignments/multiprocessing.md"))
        let scratch = try Scratch()
        let url = try scratch.write("sheet.md", """
        # Q1. What is multiprocessing?
        Running **several processes** at once.

        # Q6. Four processes
        ```python
        for i in range(4):
            print(i)
        ```
        Output:
        ```
        0
        1
        ```
        """)
        let sheet = try AnswerSheetSource(reader: SheetReader(assignment: assignment)).answers(at: url, name: "sheet.md")
        #expect(sheet.answers.map(\.id) == ["Q1", "Q6"])
        #expect(sheet.answers[0].scoringText.contains("several processes"))
        #expect(!sheet.answers[0].scoringText.contains("**"))
        let cell = try #require(sheet.answers[1].cells.first)
        #expect(cell.code == "for i in range(4):\n    print(i)")
        #expect(cell.recordedOutput?.contains("0\n1") == true)
    }

    @Test func unreadableSheetIsAnErrorNamingTheFile() throws {
        let assignment = try Assignment.load(from: Self.root.appendingPathComponent("assignments/multiprocessing.md"))
        let scratch = try Scratch()
        let url = try scratch.write("binary.txt", String(repeating: "\u{0}\u{1}\u{2}", count: 100))
        #expect(throws: (any Error).self) { try AnswerSheetSource(reader: SheetReader(assignment: assignment)).answers(at: url, name: "binary.txt") }
    }
}

/// Every sample submission (and the seed sheets, when present) goes through the sheet reader and
/// the question grader without an error result; their code fails clearly with the stand-in
/// runner, which is what the scores reflect.
@Suite struct SampleSheetTests {
    @Test func everySampleIsGraded() throws {
        let root = AnswerSheetSourceTests.root
        let assignment = try Assignment.load(from: root.appendingPathComponent("assignments/multiprocessing.md"))
        let specs = (1...6).map { n in
            QuestionSpec(id: "Q\(n)", kind: [3, 6].contains(n) ? .code : n == 5 ? .both : .prose, points: 2, proseMax: n == 5 ? 1 : nil,
                         checks: CheckSet(checks: [CodeCheck(kind: .runs, points: 1), CodeCheck(kind: .distinctLines(min: 2), points: 1)]))
        }
        let grader = SheetGrader(questions: specs, source: AnswerSheetSource(reader: SheetReader(assignment: assignment)), questionGrader: QuestionGrader(runner: TableRunner(table: [:])))
        var folders = [root.appendingPathComponent("submissions")]
        let seeds = root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        if FileManager.default.fileExists(atPath: seeds.path) { folders.append(seeds) }
        var graded = 0
        for sheet in try SheetCollector.collect(folders.map(\.path)) {
            let result = grader.grade(SheetJob(file: sheet.file, path: sheet.url.path, fingerprint: "f"))
            #expect(result.error == nil, "\(sheet.file): \(result.error ?? "")")
            #expect(result.questions.map(\.id) == specs.map(\.id))
            #expect(result.max == 12)
            graded += 1
        }
        #expect(graded >= 8)
    }
}
