import Foundation
import Testing
@testable import AnswerSheets

/// Each way code and its output are marked (or not) in a sheet.
@Suite struct CodeAndOutputTests {
    private func onlyCell(_ fixture: String, _ id: String) throws -> CodeCell {
        let sheet = try TestSupport.readFixture(fixture)
        let cells = try #require(sheet.question(id)?.cells)
        try #require(cells.count == 1, "expected one cell in \(id) of \(fixture), found \(cells.count)")
        return cells[0]
    }

    @Test func promptWithCodeOnTheSameLine() throws {
        let cell = try onlyCell("code-prompt-same-line.txt", "Q3")
        #expect(cell.code == "import os\nprint(os.sep)")
        #expect(cell.recordedOutput == "/")
        #expect(cell.line == 2)
    }

    @Test func promptWithCodeOnTheNextLine() throws {
        let cell = try onlyCell("code-prompt-next-line.txt", "Q3")
        #expect(cell.code == "for i in range(3):\n    print(i)")
        #expect(cell.recordedOutput == "0\n1\n2")
        #expect(cell.line == 3)
    }

    @Test func outPrompt() throws {
        let cell = try onlyCell("code-out-prompt.txt", "Q5")
        #expect(cell.code == "squares = [n * n for n in range(4)]\nsquares")
        #expect(cell.recordedOutput == "[0, 1, 4, 9]")
    }

    @Test func pythonFenceThenPlainFenceOfOutput() throws {
        let cell = try onlyCell("code-fenced-python.md", "Q3")
        #expect(cell.code == "x = 6 * 7\nprint(x)")
        #expect(cell.recordedOutput == "42")
    }

    @Test func tildeFenceWithoutLanguageThenOutputLabel() throws {
        let cell = try onlyCell("code-fenced-plain.md", "Q3")
        #expect(cell.code == "def twice(n):\n    return 2 * n\n\nprint(twice(21))")
        #expect(cell.recordedOutput == "42")
    }

    @Test func unfencedCodeIsRecognisedAsPython() throws {
        let sheet = try TestSupport.readFixture("code-unfenced.md")
        let question = try #require(sheet.question("Q3"))
        #expect(question.cells.count == 1)
        #expect(question.cells.first?.code == """
            from multiprocessing import Process

            def hello():
                print("hello from the child")

            if __name__ == "__main__":
                p = Process(target=hello)
                p.start()
                p.join()
            """)
        #expect(question.cells.first?.recordedOutput == "hello from the child")
        #expect(question.prose == "Here is my code:\n\nThe child prints its greeting and the parent waits for it.")
    }

    @Test func boldOutputLabelBeforeAFence() throws {
        let cell = try onlyCell("code-output-label-fence.md", "Q3")
        #expect(cell.code == "print(\"a\")\nprint(\"b\")")
        #expect(cell.recordedOutput == "a\nb")
    }

    @Test func tracebackIsRecordedOutputAndProseFollows() throws {
        let sheet = try TestSupport.readFixture("code-traceback.txt")
        let question = try #require(sheet.question("Q3"))
        #expect(question.cells.first?.code == "values = [1, 2, 3]\nprint(valuez)")
        #expect(question.cells.first?.recordedOutput == """
            Traceback (most recent call last):
              File "<stdin>", line 2, in <module>
            NameError: name 'valuez' is not defined. Did you mean: 'values'?
            """)
        #expect(question.prose == "I misspelled the name.")
    }

    @Test func tabsInCodeAreKept() throws {
        let cell = try onlyCell("code-tabs.txt", "Q3")
        #expect(cell.code == "def f(n):\n\tif n > 1:\n\t\treturn n * f(n - 1)\n\treturn 1\n\nprint(f(5))")
        #expect(cell.recordedOutput == "120")
    }

    @Test func interpreterSession() throws {
        let cell = try onlyCell("code-repl.md", "Q5")
        #expect(cell.code == "from multiprocessing import Pool\nwith Pool(2) as p:\n    print(p.map(abs, [-1, -2]))")
        #expect(cell.recordedOutput == "[1, 2]")
    }

    @Test func promptsInsideAFence() throws {
        let cell = try onlyCell("code-fence-with-prompts.md", "Q5")
        #expect(cell.code == "total = sum(range(5))\ntotal")
        #expect(cell.recordedOutput == "10")
    }

    @Test func pageHeadersAndFootersAreDroppedEvenInsideCode() throws {
        let sheet = try TestSupport.readFixture("page-furniture.txt")
        let question = try #require(sheet.question("Q3"))
        #expect(question.cells.first?.code == """
            import multiprocessing
            def show(n):
                print("number", n)
            if __name__ == "__main__":
                p = multiprocessing.Process(target=show, args=(3,))
                p.start()
                p.join()
            """)
        #expect(question.cells.first?.recordedOutput == "number 3")
        // A reference URL written by the student is not print furniture.
        #expect(question.prose == "See https://docs.python.org/3/library/multiprocessing.html for more.")
        #expect(sheet.warnings.contains("removed 6 page header/footer line(s) left by printing (line 1, 7, 8, 11, 14, 18)"))
    }

    @Test func furniturePatterns() {
        for line in ["04/11/2023, 11:42 processingAssgn", "11/4/23, 10:05 AM bob - Jupyter Notebook", "2/5", "Page 3 of 7",
                     "file:///C:/Users/x/a.html", "localhost:8888/nbconvert/html/a.ipynb?download=false 2/5",
                     "https://colab.research.google.com/drive/abc 1/4"] {
            #expect(PageFurnitureFilter.isFurniture(line), "\(line)")
        }
        for line in ["2023-11-04 11:42:05.123456", "2023-11-04 11:42:05", "5/2", "1/5 of the work is done", "https://docs.python.org/3/",
                     "04/11/2023, 11:42 we ran the code and it printed the numbers in order."] {
            #expect(!PageFurnitureFilter.isFurniture(line), "\(line)")
        }
    }

    @Test func codeWithoutAnyOutput() throws {
        let sheet = try TestSupport.read("Q3.\nIn [1]:\nimport os\n\nQ4.\nA pool reuses processes.\n")
        #expect(sheet.question("Q3")?.cells == [CodeCell(code: "import os", recordedOutput: nil, line: 3)])
        #expect(sheet.question("Q4")?.prose == "A pool reuses processes.")
    }

    @Test func outputWithoutCodeStaysAsProseWithAWarning() throws {
        let sheet = try TestSupport.readFixture("output-without-code.md")
        #expect(sheet.question("Q1")?.prose == "hello")
        #expect(sheet.question("Q1")?.cells.isEmpty == true)
        #expect(sheet.warnings.contains("line 4: output with no code cell before it in Q1; kept as prose"))
    }

    @Test func unknownFenceLanguageLandsInProseWithAWarning() throws {
        let sheet = try TestSupport.readFixture("unknown-fence.md")
        let question = try #require(sheet.question("Q3"))
        #expect(question.prose == "```mermaid\ngraph TD; A-->B;\n```")
        #expect(question.cells.map(\.code) == ["print(\"ok\")"])
        #expect(sheet.warnings.contains("line 3: a fenced `mermaid` block was kept as prose"))
    }

    @Test func unclosedFenceEndsAtTheNextHeading() throws {
        let sheet = try TestSupport.read("## Q3.\n```python\nprint(1)\n\n## Q4.\nA pool.\n", name: "x.md")
        #expect(sheet.question("Q3")?.cells.map(\.code) == ["print(1)"])
        #expect(sheet.question("Q4")?.prose == "A pool.")
        #expect(sheet.warnings.contains { $0.hasPrefix("line 2: the code fence is never closed") })
    }

    @Test func sheetWithoutHeadingsKeepsEverythingInThePreamble() throws {
        let sheet = try TestSupport.readFixture("no-headings.txt")
        #expect(sheet.questions.isEmpty)
        #expect(sheet.preamble?.prose == "I did not number my answers.")
        #expect(sheet.preamble?.cells.map(\.code) == ["import os\nprint(os.name)"])
        #expect(sheet.warnings.contains("no question headings found; the whole sheet is kept as preamble"))
    }

    @Test func sentenceAfterCompleteCodeIsProseButOutputAfterCutOffCode() throws {
        let complete = try TestSupport.read("## Q6.\n```python\nfor n in range(4):\n    print(\"number\", n)\n```\nThis loop prints four numbers.\n", name: "a.md")
        #expect(complete.question("Q6")?.cells == [CodeCell(code: "for n in range(4):\n    print(\"number\", n)", recordedOutput: nil, line: 3)])
        #expect(complete.question("Q6")?.prose == "This loop prints four numbers.")
        // The same sentence under code that prints it is output.
        let printed = try TestSupport.read("## Q6.\n```python\nmsg = \"This loop prints four numbers.\"\nprint(msg)\n```\nThis loop prints four numbers.\n", name: "b.md")
        #expect(printed.question("Q6")?.cells.first?.recordedOutput == "This loop prints four numbers.")
        // Under code that was cut off, nothing is known about what it printed: output.
        let cut = try TestSupport.read("## Q3.\n```\nimport os\ndef show():\n```\nProcess has finished.\n", name: "c.md")
        #expect(cut.question("Q3")?.cells.first?.recordedOutput == "Process has finished.")
        #expect(cut.question("Q3")?.prose == "")
    }

    @Test func commentAboveUnmarkedCodeIsPartOfItAndNotARepeatedHeading() throws {
        let sheet = try TestSupport.read("Q3. Write a python code to create a process using the multiprocessing module.\n# creating a process\nimport multiprocessing\np = multiprocessing.Process(target=print, args=(1,))\np.start()\n\n1\n")
        #expect(sheet.ids == ["Q3"])
        #expect(!sheet.warnings.contains { $0.contains("answered twice") })
        #expect(sheet.question("Q3")?.cells == [CodeCell(code: "# creating a process\nimport multiprocessing\np = multiprocessing.Process(target=print, args=(1,))\np.start()", recordedOutput: "1", line: 2)])
    }
}
