import Foundation
import Testing
@testable import AnswerSheets

/// The real sheets in `../shared/seeds` (outside the repository; skipped when absent). Only
/// short fragments are asserted, so no seed text is copied into the project.
@Suite(.enabled(if: TestSupport.seedsPresent, "the seed sheets in ../shared/seeds are not present"))
struct SeedSheetsTests {
    @Test func sheetA() throws {
        let sheet = try TestSupport.readSeed("sheet-a.txt")
        #expect(sheet.ids == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"])
        #expect(sheet.warnings.isEmpty)
        // Prose questions hold prose only, with the question text left out.
        for id in ["Q1", "Q2"] {
            let question = try #require(sheet.question(id))
            #expect(question.cells.isEmpty)
            #expect(question.heading.hasPrefix("# \(id). "))
            #expect(question.prose.hasPrefix("Multiprocessing"))
            #expect(!question.prose.contains("# Q"))
        }
        let q3 = try #require(sheet.question("Q3"))
        #expect(q3.prose == "")
        #expect(q3.cells.count == 1)
        #expect(q3.cells.first?.code.hasPrefix("import multiprocessing\n\ndef square(n):") == true)
        #expect(q3.cells.first?.code.hasSuffix("\n    print(results)") == true)
        #expect(q3.cells.first?.recordedOutput == "[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]")

        // Q4: prose, then a cell, then more prose after the output.
        let q4 = try #require(sheet.question("Q4"))
        #expect(q4.cells.count == 1)
        #expect(q4.cells.first?.code.hasPrefix("import multiprocessing") == true)
        #expect(q4.cells.first?.code.hasSuffix("    print(results)") == true)
        #expect(q4.cells.first?.recordedOutput == "[0, 2, 4, 6, 8, 10, 12, 14, 16, 18]")
        #expect(q4.prose.hasPrefix("A multiprocessing pool in Python is a class"))
        #expect(q4.prose.contains("This code will create a multiprocessing pool with 4 processes."))
        #expect(!q4.prose.contains("pool.map"))

        // Q5: output chunks separated by blank lines all belong to the cell; the prose after
        // them does not.
        let q5 = try #require(sheet.question("Q5"))
        #expect(q5.cells.count == 1)
        #expect(q5.cells.first?.code.hasSuffix("    pool.join()") == true)
        let q5Output = try #require(q5.cells.first?.recordedOutput)
        #expect(q5Output.hasPrefix("Worker 1 is running"))
        #expect(q5Output.hasSuffix("Worker 8 is runningWorker 9 is running"))
        #expect(q5Output.components(separatedBy: "is running").count - 1 == 10)
        #expect(q5.prose.contains("This code will create a pool of 4 worker processes."))
        #expect(!q5.prose.contains("Worker 1 is running"))

        let q6 = try #require(sheet.question("Q6"))
        #expect(q6.cells.count == 1)
        #expect(q6.cells.first?.code.hasSuffix("    p4.join()") == true)
        #expect(q6.cells.first?.recordedOutput == (1...4).map { "Process \($0) is running..." }.joined(separator: "\n"))
    }

    @Test func sheetB() throws {
        let sheet = try TestSupport.readSeed("sheet-b.txt")
        #expect(sheet.ids == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"])
        #expect(sheet.warnings == ["removed 1 page header/footer line(s) left by printing (line 84)"])
        #expect(sheet.question("Q1")?.heading == "01.")
        #expect(sheet.question("Q2")?.heading == "Q2.")
        // `"""` and bullets are markup: kept for display, stripped for scoring.
        let q1 = try #require(sheet.question("Q1"))
        #expect(q1.prose.hasPrefix("\"\"\" Multiprocessing in Python"))
        #expect(q1.scoringText.hasPrefix("Multiprocessing in Python"))
        #expect(q1.cells.isEmpty)
        #expect(sheet.question("Q2")?.cells.isEmpty == true)
        #expect(sheet.question("Q4")?.cells.isEmpty == true)

        // Q3: the `In [1]:` prompt inside the fence is removed; the lines after the fence are output.
        let q3 = try #require(sheet.question("Q3"))
        #expect(q3.cells.count == 1)
        #expect(q3.cells.first?.code.hasPrefix("import multiprocessing\n") == true)
        #expect(q3.cells.first?.code.contains("In [") == false)
        #expect(q3.cells.first?.recordedOutput?.hasPrefix("Number: 1 Number: 2") == true)
        #expect(q3.cells.first?.recordedOutput?.hasSuffix("\n\nProcess has finished.") == true)

        let q5 = try #require(sheet.question("Q5"))
        #expect(q5.cells.count == 1)
        #expect(q5.cells.first?.code.hasSuffix("\nprint(\"Results:\", results)") == true)
        #expect(q5.cells.first?.recordedOutput == "Results: [2, 4, 6, 8, 10, 12, 14, 16, 18, 20]")

        // Q6: the print-dialog header line is dropped, not taken for prose or code.
        let q6 = try #require(sheet.question("Q6"))
        #expect(q6.prose == "")
        #expect(q6.cells.count == 1)
        #expect(q6.cells.first?.code.hasPrefix("import multiprocessing\n") == true)
        #expect(q6.cells.first?.code.contains("11:42") == false)
        #expect(q6.cells.first?.recordedOutput?.hasPrefix("Process 1: 1Process") == true)
    }

    @Test func sheetC() throws {
        let sheet = try TestSupport.readSeed("sheet-c.txt")
        #expect(sheet.ids == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"])
        #expect(sheet.warnings.isEmpty)
        for number in 1...6 {
            #expect(sheet.question("Q\(number)")?.heading == "### \(number))")
        }
        // `####` and `>` lines are prose, not headings.
        let q1 = try #require(sheet.question("Q1"))
        #expect(q1.prose.hasPrefix("#### Multiprocessing refers to"))
        #expect(q1.scoringText.hasPrefix("Multiprocessing refers to"))
        #expect(q1.scoringText.contains("\nA multi-core processor"))
        #expect(q1.cells.isEmpty)
        #expect(sheet.question("Q5")?.cells.isEmpty == true)
        #expect(sheet.question("Q5")?.prose.isEmpty == false)

        // Q3: tab-indented code kept with its tabs; the three output lines recorded.
        let q3 = try #require(sheet.question("Q3"))
        #expect(q3.prose == "")
        #expect(q3.cells.count == 1)
        let code = try #require(q3.cells.first?.code)
        #expect(code.hasPrefix("import multiprocessing\n"))
        #expect(code.contains("\n\tp1.start()\n"))
        #expect(code.hasSuffix("\n\tprint(\"Done!\")"))
        #expect(q3.cells.first?.recordedOutput == "Square: 100\nCube: 1000\nDone!")

        let q6 = try #require(sheet.question("Q6"))
        #expect(q6.cells.count == 1)
        #expect(q6.cells.first?.code.hasPrefix("from multiprocessing import Pool\nimport random\n") == true)
        #expect(q6.cells.first?.code.hasSuffix("        print(p.map(f, lst))") == true)
        let output = try #require(q6.cells.first?.recordedOutput)
        #expect(output.hasPrefix("[") && output.hasSuffix("]") && !output.contains("\n"))
        #expect(output.split(separator: ",").count == 50)
    }
}
