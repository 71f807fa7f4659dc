import Reports
import Testing
@testable import Grading

@Suite struct QuestionGraderTests {
    let q6 = QuestionSpec(id: "Q6", kind: .code, points: 2, checks: CheckSet(checks: [
        CodeCheck(kind: .runs, points: 0.5),
        CodeCheck(kind: .processes(min: 4, printing: 4, distinct: true), points: 1),
        CodeCheck(kind: .recordedMatches(order: .auto), points: 0.5),
    ]))

    @Test func fullMarksForFourProcesses() {
        let runner = TableRunner(table: ["good": Records.fourWorkers()])
        let recorded = "Process 9 prints 3\nProcess 8 prints 2\nProcess 7 prints 1\nProcess 6 prints 0"
        let result = QuestionGrader(runner: runner).grade(q6, answer: AnswerInput(id: "Q6", cells: [CellInput(code: "good", recordedOutput: recorded)]))
        #expect(result.score == 2)
        #expect(result.execution?.status == .ok)
        #expect(result.execution?.processes == 4)
        #expect(result.cells.first?.recordedMatches == true)
        #expect(result.checks.filter { !$0.passed }.isEmpty)
    }

    @Test func closeCodeEarnsPartialCredit() {
        // Two processes, both printing the same number.
        var record = Records.fourWorkers(values: ["5", "5", "5", "5"])
        record.processes.removeLast(2)
        record.lines.removeLast(2)
        let result = QuestionGrader(runner: TableRunner(table: ["close": record])).grade(q6, answer: AnswerInput(id: "Q6", cells: [CellInput(code: "close")]))
        #expect(result.score > 0.5 && result.score < 2)
        #expect(result.checks[0].passed)
        #expect(!result.checks[1].passed && result.checks[1].earned > 0)
        // The failed check says what was wanted, in the check itself (not repeated in feedback).
        #expect(result.checks.contains { !$0.passed && ($0.feedback ?? "").contains("4 processes") })
        #expect(!result.feedback.contains { $0.contains("4 processes") })
    }

    @Test func missingAnswerAndMissingCode() {
        let grader = QuestionGrader(runner: TableRunner(table: [:]))
        let none = grader.grade(q6, answer: nil)
        #expect(none.score == 0 && none.checks.count == 3)
        let empty = grader.grade(q6, answer: AnswerInput(id: "Q6", cells: []))
        #expect(empty.score == 0)
        #expect(empty.feedback.contains("No code was found for this question."))
    }

    @Test func repairedCodeEarnsRepairCredit() throws {
        let damaged = "for i in range(2):\nprint(i)"
        let repaired = "for i in range(2):\n    print(i)"
        let syntax = ExecutionRecord(status: .error, stderr: "IndentationError", exception: RaisedException(type: "IndentationError", message: "expected an indented block after 'for' statement on line 1", line: 2))
        let runner = TableRunner(table: [damaged: syntax, repaired: ExecutionRecord(status: .ok, stdout: "0\n1\n")])
        let spec = QuestionSpec(id: "Q3", kind: .code, points: 2, checks: CheckSet(checks: [
            CodeCheck(kind: .runs, points: 1),
            CodeCheck(kind: .distinctLines(min: 2), points: 1),
        ], repairCredit: 0.5))
        let result = QuestionGrader(runner: runner).grade(spec, answer: AnswerInput(id: "Q3", cells: [CellInput(code: damaged, recordedOutput: "0\n1")]))
        #expect(result.score == 1)
        #expect(result.execution?.status == .error)
        #expect(result.execution?.exception == "IndentationError")
        let cell = try #require(result.cells.first)
        #expect(cell.repair?.kind == "indentation")
        #expect(cell.repair?.statusAfter == .ok)
        #expect(cell.stdout == "0\n1\n")
        #expect(cell.recordedMatches == true)
        #expect(result.feedback.contains("The repaired copy ran to the end."))
        #expect(runner.calls.all == [[damaged], [repaired]])
    }

    @Test func ownFailureIsNotRepaired() {
        let code = "print(x"
        let syntax = ExecutionRecord(status: .error, exception: RaisedException(type: "SyntaxError", message: "'(' was never closed", line: 1))
        let runner = TableRunner(table: [code: syntax])
        let spec = QuestionSpec(id: "Q3", kind: .code, points: 1, checks: CheckSet(checks: [CodeCheck(kind: .runs, points: 1)]))
        let result = QuestionGrader(runner: runner).grade(spec, answer: AnswerInput(id: "Q3", cells: [CellInput(code: code)]))
        #expect(result.score == 0)
        #expect(result.cells.first?.repair == nil)
        #expect(runner.calls.all.count == 1)
    }

    @Test func earlierQuestionDefinitionsRunOnlyWhenNeeded() {
        let helper = "def square(n):\n    return n * n"
        let uses = "print(square(3))"
        let nameError = ExecutionRecord(status: .error, exception: RaisedException(type: "NameError", message: "name 'square' is not defined", line: 1))
        struct PreludeRunner: CodeRunner {
            let helper: String, uses: String, nameError: ExecutionRecord
            func run(cells: [String]) -> CellsRun {
                if cells == [uses] { return CellsRun(cells: [nameError]) }
                if cells == [helper, uses] { return CellsRun(cells: [ExecutionRecord(status: .ok), ExecutionRecord(status: .ok, stdout: "9\n")]) }
                return CellsRun(cells: [ExecutionRecord(status: .error)])
            }
        }
        let spec = QuestionSpec(id: "Q5", kind: .code, points: 1, checks: CheckSet(checks: [CodeCheck(kind: .outputContains(.literal(.int("9"), written: "9")), points: 1)]))
        let grader = QuestionGrader(runner: PreludeRunner(helper: helper, uses: uses, nameError: nameError))
        let result = grader.grade(spec, answer: AnswerInput(id: "Q5", cells: [CellInput(code: uses)]), earlierCells: ["import os", helper])
        #expect(result.score == 1)
        #expect(result.cells.map(\.stdout) == ["9\n"])
        // Without an earlier definition the NameError stands.
        let alone = grader.grade(spec, answer: AnswerInput(id: "Q5", cells: [CellInput(code: uses)]), earlierCells: ["import os"])
        #expect(alone.score == 0)
        #expect(alone.execution?.exception == "NameError")
    }

    @Test func definitionsAreFoundAtTopLevelOnly() {
        #expect(CellPlan.defines("square", in: "def square(n):\n    return n"))
        #expect(CellPlan.defines("mp", in: "import multiprocessing as mp"))
        #expect(CellPlan.defines("Pool", in: "from multiprocessing import Process, Pool"))
        #expect(CellPlan.defines("results", in: "results = []"))
        #expect(CellPlan.defines("a", in: "a, b = 1, 2"))
        #expect(!CellPlan.defines("square", in: "if True:\n    def square(n): pass"))
        #expect(!CellPlan.defines("x", in: "x == 3"))
        #expect(!CellPlan.defines("multiprocessing", in: "from multiprocessing import Pool"))
        #expect(CellPlan.missingName(in: RaisedException(type: "NameError", message: "name 'foo' is not defined")) == "foo")
    }

    @Test func proseAndBoth() {
        let spec = QuestionSpec(id: "Q5", kind: .both, points: 2, proseMax: 1, checks: CheckSet(checks: [CodeCheck(kind: .runs, points: 2)]))
        let runner = TableRunner(table: ["ok": ExecutionRecord(status: .ok)])
        let result = QuestionGrader(runner: runner, prose: FixedProse(score: 0.5)).grade(spec, answer: AnswerInput(id: "Q5", scoringText: "a pool", cells: [CellInput(code: "ok")]))
        // Prose 0.5 of 1; code checks worth 2 scaled to the code share of 1.
        #expect(result.score == 1.5)
        #expect(result.concepts?.earned.first?.quote == "a pool")
        let proseOnly = QuestionGrader(runner: runner).grade(QuestionSpec(id: "Q1", kind: .prose, points: 2), answer: AnswerInput(id: "Q1", scoringText: "x"))
        #expect(proseOnly.score == 0)
        #expect(proseOnly.execution == nil)
        #expect(proseOnly.feedback.first?.contains("no prose scorer") == true)
    }
}

@Suite struct RequiresUsesTests {
    struct Facts: CodeAnalyzer {
        func facts(for code: String) -> Result<CodeFacts, CodeAnalysisError> {
            code.contains("Process")
                ? .success(CodeFacts(imports: [.importModule("multiprocessing")], references: [NameReference(["multiprocessing", "Process"])]))
                : .success(CodeFacts(references: [NameReference(["print"])]))
        }
    }

    @Test func runningOffTopicCodeEarnsNothing() throws {
        let checks = try CheckSet.parse([
            Nodes.check("runs", [("points", Nodes.s("1")), ("requires", Nodes.s("uses"))]),
            Nodes.check("uses", [("api", Nodes.s("multiprocessing.Process")), ("points", Nodes.s("1"))]),
        ])
        #expect(checks.checks[0].requiresUses)
        let spec = QuestionSpec(id: "Q6", kind: .code, points: 2, checks: checks)
        let runner = TableRunner(table: ["print('hello')": ExecutionRecord(status: .ok, stdout: "hello\n"), "Process": ExecutionRecord(status: .ok)])
        let grader = QuestionGrader(runner: runner, analyzer: Facts())
        let offTopic = grader.grade(spec, answer: AnswerInput(id: "Q6", cells: [CellInput(code: "print('hello')")]))
        #expect(offTopic.score == 0)
        #expect(offTopic.checks[0].feedback?.contains("counts only") == true)
        let onTopic = grader.grade(spec, answer: AnswerInput(id: "Q6", cells: [CellInput(code: "Process")]))
        #expect(onTopic.score == 2)
    }

    @Test func requiresTakesOnlyUses() {
        #expect(throws: CheckSchemaError.self) {
            try CheckSet.parse([Nodes.check("runs", [("points", Nodes.s("1")), ("requires", Nodes.s("pool"))])])
        }
    }
}

@Suite struct OutputClippingTests {
    @Test func floodIsCheckedWholeButKeptShort() {
        let flood = String(repeating: "line é\n", count: 50_000)
        let runner = TableRunner(table: ["flood": ExecutionRecord(status: .limit, stdout: flood, limitMessage: "output limit")])
        let spec = QuestionSpec(id: "Q6", kind: .code, points: 1, checks: CheckSet(checks: [CodeCheck(kind: .distinctLines(min: 1), points: 1)]))
        let result = QuestionGrader(runner: runner).grade(spec, answer: AnswerInput(id: "Q6", cells: [CellInput(code: "flood")]))
        #expect(result.score == 1)
        #expect(result.execution?.status == .limit)
        let kept = result.cells.first?.stdout ?? ""
        #expect(kept.utf8.count < 70_000)
        #expect(kept.hasSuffix("more bytes of output not kept]\n"))
        #expect(kept.hasPrefix("line é\nline é\n"))
    }
}

@Suite struct TraceReaderTests {
    @Test func eventsBecomeProcessesLinesAndPools() {
        let events = [
            #"{"event":"output","pid":10,"stream":"stdout","text":"start"}"#,
            #"{"event":"process_start","pid":11,"parent":10,"name":"Process-1","kind":"process","exitcode":null}"#,
            #"{"event":"output","pid":11,"stream":"stdout","text":"child 1"}"#,
            #"{"event":"process_exit","pid":11,"parent":10,"name":"Process-1","kind":"process","exitcode":0}"#,
            #"{"event":"pool_worker","pid":12,"parent":10,"name":"ForkPoolWorker-1","exitcode":0,"tasks_completed":2}"#,
            #"{"event":"pool_task","job":0,"kind":"map","chunk":0,"items":3,"worker_pid":12,"outcome":"ok"}"#,
            #"{"event":"pool_task","job":0,"kind":"map","chunk":1,"items":2,"worker_pid":12,"outcome":"error"}"#,
            #"{"event":"output","pid":10,"stream":"stderr","text":"warn"}"#,
            "not json",
        ]
        let record = TraceReader.record(events: events, mainPID: 10)
        #expect(record.stdout == "start\nchild 1\n")
        #expect(record.stderr == "warn\n")
        #expect(record.lines == [OutputLine(pid: 10, text: "start"), OutputLine(pid: 11, text: "child 1")])
        #expect(record.processes == [ProcessRecord(pid: 11, name: "Process-1", parentPID: 10, exitCode: 0), ProcessRecord(pid: 12, name: "ForkPoolWorker-1", parentPID: 10, exitCode: 0, poolWorker: true)])
        #expect(record.pools == [PoolUsage(workers: 1, tasksRun: 3)])
    }
}
