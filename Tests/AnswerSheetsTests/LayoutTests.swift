import Foundation
import Testing
@testable import AnswerSheets

/// Export layouts beyond the common ones: the reader should still find questions, code and
/// output in them.
@Suite struct LayoutTests {
    @Test func jupyterLabPromptsAndQuestionTextOnTheNextLine() throws {
        let sheet = try TestSupport.readFixture("layout-jupyterlab-prompts.txt")
        #expect(sheet.ids == ["Q1", "Q3"])
        let q1 = try #require(sheet.question("Q1"))
        // The question text under `Question 1` belongs to the heading, not to the answer.
        #expect(q1.heading == "Question 1\nWhat is multiprocessing in Python, and why is it useful?")
        #expect(q1.prose == "Ans: It runs several processes at once, each with its own memory.")
        #expect(q1.scoringText == "It runs several processes at once, each with its own memory.")
        let q3 = try #require(sheet.question("Q3"))
        #expect(q3.cells.map(\.code) == [
            "from multiprocessing import Process\ndef f():\n    print(\"in child\")\np = Process(target=f)\np.start(); p.join()",
            "x = [1, 2]\nx",
        ])
        // `[2]:` before `[1, 2]` is the result's prompt, not a new cell.
        #expect(q3.cells.map(\.recordedOutput) == ["in child", "[1, 2]"])
    }

    @Test func nbconvertMarkdownWithIndentedOutputs() throws {
        let sheet = try TestSupport.readFixture("layout-nbconvert-markdown.md")
        let q5 = try #require(sheet.question("Q5"))
        #expect(q5.prose == "Pool\n\nIndented code in Markdown:")
        #expect(q5.cells == [
            CodeCell(code: "from multiprocessing import Pool\nwith Pool(2) as p:\n    print(p.map(abs, [-3, 4]))", recordedOutput: "[3, 4]", line: 4),
            CodeCell(code: "import os\nprint(os.sep)", recordedOutput: "/", line: 13),
        ])
    }

    @Test func notebookSavedAsPythonScript() throws {
        let sheet = try TestSupport.readFixture("layout-script-export.py")
        #expect(sheet.ids == ["Q3", "Q4"])
        #expect(sheet.preamble == nil)
        #expect(sheet.question("Q3")?.heading == "# Q3. Create a process")
        #expect(sheet.question("Q3")?.cells == [CodeCell(code: "from multiprocessing import Process\np = Process(target=print, args=(\"x\",))\np.start()\np.join()", recordedOutput: nil, line: 9)])
        #expect(sheet.question("Q4")?.prose == "A pool reuses worker processes.")
        #expect(sheet.warnings.contains("read as a notebook saved as a Python script (`# In[n]:` cell markers)"))
    }

    @Test func semicolonSeparatedStatementsAreCode() {
        let scorer = PythonLineScorer()
        #expect(scorer.score("p.start(); p.join()").startsCode)
        #expect(scorer.score("x = 1; y = 2  # two").startsCode)
        #expect(!scorer.score("Note; this is prose").startsCode)
        #expect(PythonLineScorer.splitStatements("print('a;b'); x = [1; 2]") == ["print('a;b')", " x = [1; 2]"])
    }

    @Test func hugeAndDeepLinesDoNotBreakTheReader() throws {
        let deep = String(repeating: "(", count: 50_000)
        let numbered = String(repeating: "1. ", count: 20_000)
        let text = "Q3.\nIn [1]:\nx = \(deep)\n\nQ4.\n\(numbered)\n" + String(repeating: "\n", count: 20_000) + "Q5.\nok\n"
        let sheet = try TestSupport.read(text)
        #expect(sheet.question("Q3")?.cells.first?.code == "x = \(deep)")
        #expect(sheet.question("Q5")?.prose == "ok")
    }

    @Test func colabPrintWithOutputRightUnderTheCode() throws {
        let sheet = try TestSupport.readFixture("layout-colab-print.txt")
        #expect(sheet.ids == ["Q1", "Q3", "Q4"])
        #expect(sheet.warnings.first == "removed 3 page header/footer line(s) left by printing (line 1, 18, 19)")
        #expect(sheet.question("Q1")?.prose == "Multiprocessing allows a program to run several processes in parallel.")
        let cell = try #require(sheet.question("Q3")?.cells.first)
        #expect(cell.code.hasPrefix("import multiprocessing\ndef worker(num):\n  print('Worker:', num)\n"))
        #expect(cell.code.hasSuffix("\n    jobs.append(p)\n    p.start()"))
        #expect(cell.recordedOutput == "Worker: 0\nWorker: 1\nWorker: 2\nWorker: 3")
        #expect(sheet.question("Q4")?.prose == "A pool is a set of worker processes.")
    }

    @Test func answerLabelsOutputHeadingsAndIndentedMarkdownCode() throws {
        let sheet = try TestSupport.readFixture("layout-answer-labels.md")
        #expect(sheet.ids == ["Q1", "Q2", "Q3", "Q5"])
        #expect(sheet.question("Q1")?.prose == "Answer: Multiprocessing runs code in parallel processes.")
        #expect(sheet.question("Q1")?.scoringText == "Multiprocessing runs code in parallel processes.")
        #expect(sheet.question("Q2")?.scoringText == "Threads share memory.\n\nAdvantages\nspeed")
        // `#### Output` is an output label, not prose.
        #expect(sheet.question("Q3")?.prose == "")
        #expect(sheet.question("Q3")?.cells == [CodeCell(code: "import multiprocessing\nprint(multiprocessing.cpu_count() > 0)", recordedOutput: "True", line: 12)])
        // Code and output in one indented block: the output is split off and dedented.
        #expect(sheet.question("Q5")?.cells == [CodeCell(code: "from multiprocessing import Pool\np = Pool(4)\nprint(p.map(len, [\"ab\", \"c\"]))", recordedOutput: "[2, 1]", line: 22)])
    }
}
