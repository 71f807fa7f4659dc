import Foundation
import Testing
@testable import AnswerSheets

/// One fixture per heading style students use; each must give the right questions with the
/// right prose (and no question text leaking into the answer).
@Suite struct HeadingTests {
    @Test func hashQ() throws {
        let sheet = try TestSupport.readFixture("heading-hash-q.md")
        #expect(sheet.ids == ["Q1", "Q2"])
        #expect(sheet.question("Q1")?.heading == "# Q1. What is multiprocessing in python? Why is it useful?")
        #expect(sheet.question("Q1")?.prose == "Processes run side by side on several cores.")
        #expect(sheet.question("Q2")?.prose == "Threads share memory; processes do not.")
    }

    @Test func boldQ() throws {
        let sheet = try TestSupport.readFixture("heading-bold-q.md")
        #expect(sheet.ids == ["Q1", "Q2"])
        #expect(sheet.question("Q1")?.prose == "It uses several processes at once.")
        // `**Q2.** answer`: the answer starts on the heading line.
        #expect(sheet.question("Q2")?.prose == "Threads share one GIL, processes each have their own.")
    }

    @Test func hashNumberParen() throws {
        let sheet = try TestSupport.readFixture("heading-hash-number-paren.md")
        #expect(sheet.ids == ["Q1", "Q2"])
        // `####` prose lines are not headings; the markup is kept for display only.
        #expect(sheet.question("Q1")?.prose == "#### It lets Python use every core.")
        #expect(sheet.question("Q1")?.scoringText == "It lets Python use every core.")
        #expect(sheet.question("Q2")?.scoringText == "Threads share memory.")
    }

    @Test func zeroPadded() throws {
        let sheet = try TestSupport.readFixture("heading-zero-padded.txt")
        #expect(sheet.ids == ["Q1", "Q2"])
        #expect(sheet.question("Q1")?.prose == "Separate processes, separate memory.")
        #expect(sheet.question("Q2")?.prose == "Threads are lighter than processes.")
    }

    @Test func bareQ() throws {
        let sheet = try TestSupport.readFixture("heading-q-bare.txt")
        #expect(sheet.ids == ["Q1", "Q2"])
        #expect(sheet.question("Q2")?.prose == "The GIL limits threads.")
    }

    @Test func numberedHeadingsWithNumberedListsInside() throws {
        let sheet = try TestSupport.readFixture("heading-number-text.txt")
        #expect(sheet.ids == ["Q1", "Q2"])
        #expect(sheet.question("Q1")?.prose == "It runs code in several processes. It is useful because:\n1. it uses all cores\n2. it isolates crashes\n3. it avoids the GIL")
        #expect(sheet.question("Q1")?.scoringText == "It runs code in several processes. It is useful because:\nit uses all cores\nit isolates crashes\nit avoids the GIL")
        #expect(sheet.question("Q2")?.prose == "Threads share memory.")
    }

    @Test func questionDash() throws {
        let sheet = try TestSupport.readFixture("heading-question-dash.txt")
        #expect(sheet.ids == ["Q1", "Q2"])
        #expect(sheet.question("Q1")?.prose == "Using several processes at once.")
        #expect(sheet.question("Q2")?.prose == "Processes have separate memory.")
    }

    @Test func questionColon() throws {
        let sheet = try TestSupport.readFixture("heading-question-colon.md")
        #expect(sheet.ids == ["Q1", "Q2"])
        #expect(sheet.question("Q1")?.prose == "Running several processes.")
        #expect(sheet.question("Q2")?.prose == "Threads share memory.")
    }

    @Test func ans() throws {
        let sheet = try TestSupport.readFixture("heading-ans.txt")
        #expect(sheet.ids == ["Q1", "Q2"])
        #expect(sheet.question("Q1")?.prose == "Multiprocessing runs tasks in separate processes.")
        #expect(sheet.question("Q2")?.prose == "Threads share memory, processes do not.")
    }

    @Test func headingThatRepeatsTheQuestion() throws {
        let sheet = try TestSupport.readFixture("heading-question-echo.md")
        #expect(sheet.ids == ["Q1", "Q4"])
        #expect(sheet.question("Q1")?.prose == "It runs work in separate processes.")
        #expect(sheet.question("Q4")?.prose == "A pool reuses a fixed set of worker processes.")
        #expect(sheet.warnings.contains("no answer found for Q2"))
    }

    @Test func numberGluedToCodeOrAnswer() throws {
        let sheet = try TestSupport.readFixture("heading-glued-code.txt")
        #expect(sheet.ids == ["Q3", "Q4"])
        let cell = try #require(sheet.question("Q3")?.cells.first)
        #expect(cell.code == "import multiprocessing\np = multiprocessing.Process(target=print, args=(\"hi\",))\np.start()\np.join()")
        #expect(cell.recordedOutput == "hi")
        #expect(sheet.question("Q3")?.prose == "")
        #expect(sheet.question("Q4")?.prose == "A pool is a set of worker processes.")
    }

    @Test func headingForAQuestionTheAssignmentLacksIsKeptAndWarned() throws {
        let sheet = try TestSupport.readFixture("heading-unknown-question.md")
        #expect(sheet.ids == ["Q6"])
                // Text after the number that is not the question's own is kept as the start of the answer.
        #expect(sheet.question("Q6")?.prose == "Four processes\n\nThey each print a number.\n\n## Q7. Bonus\n\nAn extra answer nobody asked for.")
        #expect(sheet.warnings.contains { $0.hasPrefix("line 5: heading `## Q7. Bonus` names Q7") })
    }

    @Test func commentsInCodeAreNotHeadings() throws {
        let sheet = try TestSupport.read("""
            Q3.
            In [1]:
            import os
            # 1. first step
            x = 1
            # Q4 is below
            print(x)

            1
            """)
        #expect(sheet.ids == ["Q3"])
        #expect(sheet.question("Q3")?.cells.first?.code == "import os\n# 1. first step\nx = 1\n# Q4 is below\nprint(x)")
        #expect(sheet.question("Q3")?.cells.first?.recordedOutput == "1")
    }

    @Test func recognizerScoresBareNumbersByContext() throws {
        let recognizer = HeadingRecognizer(assignment: try TestSupport.assignment())
        var context = HeadingRecognizer.Context()
        context.current = 1
        context.seen = [1]
        // Inside Q1, `1. something` starts a list, not question 1 again.
        #expect(recognizer.recognize("1. it uses all cores", context: context) == .listItem(1))
        context.listNumber = 1
        #expect(recognizer.recognize("2. it isolates crashes", context: context) == .listItem(2))
        // ...but a numbered line that repeats question 2 is its heading even then.
        #expect(recognizer.recognize("2. What are the differences between multiprocessing and multithreading?", context: context)
            == .heading(.init(number: 2, answerText: "", code: nil, markerOnly: false)))
        #expect(recognizer.recognize("1.5 seconds later", context: context) == nil)
        #expect(recognizer.recognize("Queue 1 is full", context: context) == nil)
        #expect(recognizer.recognize("A1 grade for this part", context: context) == nil)
        #expect(recognizer.recognize("Question 3 asks us to write some code for it", context: context) == nil)
        #expect(recognizer.recognize("**Q5** Use a Pool", context: context) == .heading(.init(number: 5, answerText: "Use a Pool", code: nil)))
    }
}
