import Foundation
import Testing
@testable import AnswerSheets

@Suite struct ProseAndModelTests {
    @Test func markupIsKeptForDisplayAndStrippedForScoring() throws {
        let sheet = try TestSupport.readFixture("prose-markup.md")
        let question = try #require(sheet.question("Q1"))
        #expect(question.prose == """
            #### **Multiprocessing** runs _several_ processes.
            > Each process has its own memory.
            - Parallelism
            * True use of `multi_core` machines
            \"\"\" Avoids the GIL --->> faster CPU-bound code
            1) Isolation
            ....
            """)
        #expect(question.scoringText == """
            Multiprocessing runs several processes.
            Each process has its own memory.
            Parallelism
            True use of multi_core machines
            Avoids the GIL faster CPU-bound code
            Isolation
            """)
    }

    @Test func jsonUsesTheContractNamesAndNullForMissingOutput() throws {
        let sheet = try TestSupport.read("Q3.\nIn [1]:\nimport os\n\nQ5.\nIn [2]:\nprint(2)\n\n2\n")
        let data = try JSONEncoder().encode(sheet)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["file"] as? String == "inline.txt")
        #expect(object["warnings"] is [String])
        let questions = try #require(object["questions"] as? [[String: Any]])
        try #require(questions.count == 2)
        #expect(questions.map { $0["id"] as? String } == ["Q3", "Q5"])
        #expect(questions.allSatisfy { $0["prose"] is String })
        let firstCell = try #require((questions[0]["cells"] as? [[String: Any]])?.first)
        #expect(firstCell["code"] as? String == "import os")
        #expect(firstCell["recorded_output"] is NSNull)
        let secondCell = try #require((questions[1]["cells"] as? [[String: Any]])?.first)
        #expect(secondCell["recorded_output"] as? String == "2")
        // And the model reads back unchanged.
        #expect(try JSONDecoder().decode(AnswerSheet.self, from: data) == sheet)
    }

    @Test func assignmentFileHasTheSixQuestions() throws {
        let assignment = try TestSupport.assignment()
        #expect(assignment.title == "Python multiprocessing")
        #expect(assignment.questions.map(\.id) == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"])
        #expect(assignment.questions.map(\.kind) == [.prose, .prose, .code, .prose, .code, .code])
        #expect(assignment.question(number: 4)?.text == "What is a multiprocessing pool in Python, and why is it used?")
    }

    @Test func assignmentErrorsNameTheLine() throws {
        #expect(throws: AssignmentError(file: "a.md", line: 3, reason: "question Q1 is defined twice")) {
            try Assignment.parse("# T\n## Q1. a\n## Q1. b\n", source: "a.md")
        }
        #expect(throws: AssignmentError(file: "a.md", line: 2, reason: "expected a question heading like `## Q1. text`, found `## Intro`")) {
            try Assignment.parse("# T\n## Intro\n", source: "a.md")
        }
        #expect(throws: AssignmentError(file: "a.md", line: 3, reason: "unknown kind `essay` (expected `prose` or `code`)")) {
            try Assignment.parse("# T\n## Q1. a\nkind: essay\n", source: "a.md")
        }
        #expect(throws: AssignmentError(file: "a.md", line: nil, reason: "no questions found (expected headings like `## Q1. text`)")) {
            try Assignment.parse("# T\n<!--\n## Q1. hidden\n-->\n", source: "a.md")
        }
    }

    @Test func pythonLineScorerTellsCodeFromEnglishAndOutput() {
        let scorer = PythonLineScorer()
        for code in ["import multiprocessing", "from multiprocessing import Pool, Process", "def f(x):", "if __name__ == '__main__':",
                     "with Pool(4) as p:", "p.start()", "results = pool.map(f, range(10))", "for i in range(4):", "print(f\"n={n}\")",
                     "if __name__ == \"__main__\"", "@dataclass"] {
            #expect(scorer.score(code).startsCode, "\(code)")
        }
        for text in ["Multiprocessing is useful for CPU-bound work.", "Process has finished.", "Square: 100", "[0, 1, 4, 9]",
                     "Worker 1 is runningWorker 0 is running", "for example, the pool:", "import the module first", "Done!",
                     "That's why it is faster", "Results: [2, 4, 6]"] {
            #expect(!scorer.score(text).startsCode, "\(text)")
            #expect(scorer.score(text).value < 0.5, "\(text)")
        }
    }
}
