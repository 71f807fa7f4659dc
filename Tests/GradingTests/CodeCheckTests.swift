import Reports
import Testing
@testable import Grading

/// Records built in code, as the engine will fill them in.
enum Records {
    static let main: Int32 = 100

    /// Four children printing `label(i)`, each on its own line.
    static func fourWorkers(values: [String] = ["0", "1", "2", "3"], status: ExecutionStatus = .ok) -> ExecutionRecord {
        let pids: [Int32] = [101, 102, 103, 104]
        let lines = zip(pids, values).map { OutputLine(pid: $0, text: "Process \($0) prints \($1)") }
        return ExecutionRecord(
            status: status,
            stdout: lines.map { $0.text + "\n" }.joined(),
            mainPID: main,
            processes: pids.enumerated().map { ProcessRecord(pid: $1, name: "Process-\($0 + 1)", parentPID: main, exitCode: 0) },
            lines: lines
        )
    }
}

@Suite struct CodeCheckTests {
    func check(_ kind: CheckKind, points: Double = 1, partial: Bool = true) -> CodeCheck {
        CodeCheck(kind: kind, points: points, partialCredit: partial)
    }

    @Test func runs() {
        let ok = ExecutionRecord(status: .ok)
        let failed = ExecutionRecord(status: .error, exception: RaisedException(type: "NameError", message: "name 'x' is not defined", line: 3))
        #expect(check(.runs).evaluate(CheckInput(record: ok)).passed)
        let outcome = check(.runs).evaluate(CheckInput(record: failed))
        #expect(!outcome.passed)
        #expect(outcome.actual == "NameError on line 3: name 'x' is not defined")
        #expect(!check(.runs).evaluate(CheckInput(record: ExecutionRecord(status: .timeout))).passed)
    }

    @Test func runDescriptionLeavesOutAnEmptyMessage() {
        let bare = ExecutionRecord(status: .error, exception: RaisedException(type: "MemoryError", message: "", line: 5))
        #expect(CodeCheck.describeRun(bare) == "stopped with MemoryError on line 5")
        let named = ExecutionRecord(status: .error, exception: RaisedException(type: "NameError", message: "name 'x' is not defined", line: 3))
        #expect(CodeCheck.describeRun(named) == "stopped with NameError on line 3: name 'x' is not defined")
    }

    @Test func outputContainsLiteralAndText() throws {
        let expected = try #require(LiteralReader().parse("[0, 1, 4, 9]"))
        let literal = check(.outputContains(.literal(expected, written: "[0, 1, 4, 9]")))
        #expect(literal.evaluate(CheckInput(record: ExecutionRecord(status: .ok, stdout: "Squares: [0,1,4,9]\n"))).passed)
        #expect(!literal.evaluate(CheckInput(record: ExecutionRecord(status: .ok, stdout: "Squares: [0, 1, 4]\n"))).passed)
        #expect(!literal.evaluate(CheckInput(record: ExecutionRecord(status: .ok, stdout: "0 1 4 9\n"))).passed)
        let text = check(.outputContains(.text("Hello  from")))
        #expect(text.evaluate(CheckInput(record: ExecutionRecord(status: .ok, stdout: "Hello\tfrom the child\n"))).passed)
        #expect(!text.evaluate(CheckInput(record: ExecutionRecord(status: .ok, stdout: "Hi from the child\n"))).passed)
    }

    @Test func distinctLinesGivesPartialCredit() {
        let record = ExecutionRecord(status: .ok, stdout: "a\nb\na\n  b \n\n")
        let outcome = check(.distinctLines(min: 4)).evaluate(CheckInput(record: record))
        #expect(outcome.ratio == 0.5)
        #expect(check(.distinctLines(min: 4), partial: false).evaluate(CheckInput(record: record)).ratio == 0)
        #expect(check(.distinctLines(min: 2)).evaluate(CheckInput(record: record)).passed)
    }

    @Test func fourProcessesPrintingFourDifferentNumbers() {
        let kind = CheckKind.processes(min: 4, printing: 4, distinct: true)
        #expect(check(kind).evaluate(CheckInput(record: Records.fourWorkers())).passed)
        // Same number printed by every process: the pids differ, the values do not.
        let same = check(kind).evaluate(CheckInput(record: Records.fourWorkers(values: ["7", "7", "7", "7"])))
        #expect(!same.passed)
        #expect(abs(same.ratio - (1 + 1 + 0.25) / 3) < 1e-9)
        // Only two processes started.
        var two = Records.fourWorkers()
        two.processes.removeLast(2)
        two.lines.removeLast(2)
        let outcome = check(kind).evaluate(CheckInput(record: two))
        #expect(abs(outcome.ratio - 0.5) < 1e-9)
        #expect(outcome.actual.contains("2 child processes started"))
        // Output printed by the parent only does not count as children printing.
        var parentPrints = Records.fourWorkers()
        parentPrints.lines = parentPrints.lines.map { OutputLine(pid: Records.main, text: $0.text) }
        #expect(!check(kind).evaluate(CheckInput(record: parentPrints)).passed)
    }

    @Test func poolWorkerLinesCountAsTasksWhicheverWorkerRanThem() {
        let kind = CheckKind.processes(min: 4, printing: 4, distinct: true)
        // Pool(4).map over four values: one fast worker ran all four tasks.
        var oneBusyWorker = Records.fourWorkers()
        oneBusyWorker.processes = oneBusyWorker.processes.enumerated().map {
            ProcessRecord(pid: $1.pid, name: "ForkPoolWorker-\($0 + 1)", parentPID: Records.main, poolWorker: true)
        }
        oneBusyWorker.lines = oneBusyWorker.lines.map { OutputLine(pid: 101, text: $0.text.replacingOccurrences(of: "Process \($0.pid)", with: "Process 101")) }
        #expect(check(kind).evaluate(CheckInput(record: oneBusyWorker)).passed)
        // The same lines from one plain Process are one process printing, not four.
        var oneProcess = oneBusyWorker
        oneProcess.processes = oneProcess.processes.map { ProcessRecord(pid: $0.pid, name: "Process-1", parentPID: Records.main) }
        #expect(!check(kind).evaluate(CheckInput(record: oneProcess)).passed)
    }

    @Test func pool() {
        let none = ExecutionRecord(status: .ok)
        let idle = ExecutionRecord(status: .ok, pools: [PoolUsage(workers: 4, tasksRun: 0)])
        let busy = ExecutionRecord(status: .ok, pools: [PoolUsage(workers: 4, tasksRun: 10)])
        #expect(check(.pool(minTasks: 1)).evaluate(CheckInput(record: none)).ratio == 0)
        #expect(check(.pool(minTasks: 1)).evaluate(CheckInput(record: idle)).ratio == 0.5)
        #expect(check(.pool(minTasks: 1)).evaluate(CheckInput(record: busy)).passed)
        #expect(!check(.pool(minTasks: 11)).evaluate(CheckInput(record: busy)).passed)
    }

    @Test func recordedOutputAsMultisetWithPIDs() {
        let record = Records.fourWorkers()
        let recorded = "Process 5513 prints 2\nProcess 5511 prints 0\n\nProcess 5514 prints 3\nProcess 5512  prints 1\n"
        let input = CheckInput(record: record, cells: [CellOutput(stdout: record.stdout, recorded: recorded)])
        #expect(check(.recordedMatches(order: .auto)).evaluate(input).passed)
        #expect(!check(.recordedMatches(order: .strict)).evaluate(input).passed)
        let wrong = CheckInput(record: record, cells: [CellOutput(stdout: record.stdout, recorded: "Process 1 prints 0\nProcess 2 prints 9\n")])
        let outcome = check(.recordedMatches(order: .auto)).evaluate(wrong)
        #expect(outcome.ratio == 0.25)  // one line of four matches
        let nothing = CheckInput(record: record, cells: [CellOutput(stdout: record.stdout, recorded: nil)])
        #expect(check(.recordedMatches(order: .auto)).evaluate(nothing).ratio == 0)
    }

    @Test func recordedOutputInOrderWithoutProcesses() {
        let record = ExecutionRecord(status: .ok, stdout: "1\n2\n3\n")
        let same = CheckInput(record: record, cells: [CellOutput(stdout: record.stdout, recorded: "1\n2\n3")])
        let swapped = CheckInput(record: record, cells: [CellOutput(stdout: record.stdout, recorded: "1\n3\n2")])
        #expect(check(.recordedMatches(order: .auto)).evaluate(same).passed)
        #expect(!check(.recordedMatches(order: .auto)).evaluate(swapped).passed)
        // A number that is not a pid of the run is a value, and must match exactly.
        let other = CheckInput(record: record, cells: [CellOutput(stdout: record.stdout, recorded: "1\n2\n4")])
        #expect(!check(.recordedMatches(order: .auto)).evaluate(other).passed)
    }

    @Test func resultAppliesPointsHiddenAndRepairCredit() {
        let hidden = CodeCheck(kind: .runs, points: 2, hidden: true)
        let pass = hidden.result(CheckInput(record: ExecutionRecord(status: .ok)))
        #expect(pass.earned == 2 && pass.passed && pass.hidden)
        let repaired = hidden.result(CheckInput(record: ExecutionRecord(status: .ok)), creditFactor: 0.5)
        #expect(repaired.earned == 1 && !repaired.passed)
        #expect(repaired.feedback?.contains("repaired") == true)
        let uses = CodeCheck(kind: .uses(APIRequirement(apis: [".start"])), points: 1)
        let facts = CodeFacts(references: [NameReference(["p", "start"])])
        #expect(uses.result(CheckInput(record: ExecutionRecord(status: .ok), facts: facts), creditFactor: 0.5).earned == 1)
    }
}

@Suite struct APIUsageTests {
    func uses(_ api: String, _ facts: CodeFacts) -> Bool {
        let resolver = APIUsageResolver(facts: facts)
        return resolver.firstUse(of: api, in: resolver.resolvedNames()) != nil
    }

    @Test func importAliases() {
        let aliased = CodeFacts(imports: [.importModule("multiprocessing", as: "mp")], references: [NameReference(["mp", "Process"], line: 4)])
        #expect(uses("multiprocessing.Process", aliased))
        #expect(!uses("multiprocessing.Pool", aliased))
        let fromImport = CodeFacts(imports: [.fromImport("multiprocessing", "Pool")], references: [NameReference(["Pool"])])
        #expect(uses("multiprocessing.Pool", fromImport))
        let renamed = CodeFacts(imports: [.fromImport("multiprocessing", "Pool", as: "P")], references: [NameReference(["P"])])
        #expect(uses("multiprocessing.Pool", renamed))
        let star = CodeFacts(imports: [.fromImport("multiprocessing", "*")], references: [NameReference(["Process"])])
        #expect(uses("multiprocessing.Process", star))
        let dotted = CodeFacts(imports: [.importModule("concurrent.futures")], references: [NameReference(["concurrent", "futures", "ProcessPoolExecutor"])])
        #expect(uses("concurrent.futures.ProcessPoolExecutor", dotted))
    }

    @Test func unrelatedNamesDoNotCount() {
        // A local class called Process is not multiprocessing.Process.
        let local = CodeFacts(imports: [.importModule("os")], references: [NameReference(["Process"])])
        #expect(!uses("multiprocessing.Process", local))
        // `import threading as mp` does not make mp.Process a multiprocessing API.
        let impostor = CodeFacts(imports: [.importModule("threading", as: "mp")], references: [NameReference(["mp", "Process"])])
        #expect(!uses("multiprocessing.Process", impostor))
        #expect(uses("threading.Process", impostor))
    }

    @Test func methods() {
        let facts = CodeFacts(references: [NameReference(["p", "start"]), NameReference(["", "map"])])
        #expect(uses(".start", facts))
        #expect(uses(".map", facts))
        #expect(!uses(".join", facts))
        #expect(!uses(".start", CodeFacts(references: [NameReference(["start"])])))
    }
}
