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
