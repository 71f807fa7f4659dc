import Foundation
import Testing
@testable import AnswerSheets

@Suite struct NotebookTests {
    @Test func markdownHeadingsCodeCellsAndEveryOutputKind() throws {
        let sheet = try TestSupport.readFixture("notebook-v4.ipynb")
        #expect(sheet.format == .notebook)
        #expect(sheet.ids == ["Q3", "Q5", "Q6"])
        let q3 = try #require(sheet.question("Q3"))
        #expect(q3.heading == "## Q3. Create a process")
        #expect(q3.prose == "My answer:")
        #expect(q3.cells == [CodeCell(code: "print('child 1')\nprint('child 2')", recordedOutput: "child 1\nchild 2", line: 2)])

        let q5 = try #require(sheet.question("Q5"))
        #expect(q5.prose == "With a pool:")
        #expect(q5.cells.count == 2)
        #expect(q5.cells.first?.code == "[n * n for n in range(3)]")
        #expect(q5.cells.first?.recordedOutput == "[0, 1, 4]")
        // The error output's ANSI colours are stripped.
        #expect(q5.cells.last?.code == "1 / 0")
        #expect(q5.cells.last?.recordedOutput == """
            ---------------------------------------------------------------------------
            ZeroDivisionError                         Traceback (most recent call last)
            Cell In[3], line 1
            ----> 1 1 / 0

            ZeroDivisionError: division by zero
            """)
        // A code cell that starts with a `# Q6` comment opens Q6; the comment stays in the code.
        #expect(sheet.question("Q6")?.cells == [CodeCell(code: "# Q6\nprint(4)", recordedOutput: nil, line: 6)])
    }

    @Test func brokenJSONIsAClearError() throws {
        let error = #expect(throws: SheetReadError.self) { try TestSupport.readFixture("notebook-broken.ipynb") }
        #expect(error?.kind == .malformedNotebook)
        #expect(error?.description.hasPrefix("notebook-broken.ipynb: is a .ipynb file but not valid JSON") == true)
    }

    @Test func notebookWithoutCellsIsAClearError() throws {
        let error = #expect(throws: SheetReadError.self) { try TestSupport.reader().read(data: Data("{\"nbformat\": 4}".utf8), name: "x.ipynb") }
        #expect(error?.description == "x.ipynb: is a .ipynb file without a `cells` list")
    }

    @Test func nbformat3IsRead() throws {
        let json = """
            {"nbformat": 3, "worksheets": [{"cells": [
              {"cell_type": "markdown", "source": ["Q1. What is multiprocessing?\\n", "Several processes."]},
              {"cell_type": "code", "input": ["print(1)"], "outputs": [{"output_type": "stream", "text": ["1\\n"]}]}
            ]}]}
            """
        let sheet = try TestSupport.reader().read(data: Data(json.utf8), name: "old.ipynb")
        #expect(sheet.question("Q1")?.prose == "Several processes.")
        #expect(sheet.question("Q1")?.cells == [CodeCell(code: "print(1)", recordedOutput: "1", line: 2)])
    }

    @Test func plainTextNamedIpynbIsReadAsTextWithAWarning() throws {
        let sheet = try TestSupport.reader().read(data: Data("Q1. Processes have separate memory.\n".utf8), name: "renamed.ipynb")
        #expect(sheet.question("Q1")?.prose == "Processes have separate memory.")
        #expect(sheet.format == .text)
        #expect(sheet.warnings.first == "named .ipynb but not notebook JSON; read as text")
    }
}
