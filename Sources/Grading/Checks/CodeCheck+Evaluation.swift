import Foundation
import Reports

/// Deciding each check from a `CheckInput`.
extension CodeCheck {
    /// The check's outcome, before points: `ratio` is 1 for a pass, between 0 and 1 for partial
    /// credit (when the check allows it), 0 for a fail.
    public func evaluate(_ input: CheckInput) -> CheckOutcome {
        let outcome = rawOutcome(input)
        guard !partialCredit, !outcome.passed else { return outcome }
        return CheckOutcome(ratio: 0, expected: outcome.expected, actual: outcome.actual)
    }

    /// The check as a report entry. `creditFactor` scales run-based checks (1, or the rubric's
    /// `repair_credit` when the run was of a repaired copy).
    public func result(_ input: CheckInput, creditFactor: Double = 1) -> CheckResult {
        let outcome = evaluate(input)
        let factor = isStatic ? 1 : creditFactor
        let earned = (points * outcome.ratio * factor * 100).rounded() / 100
        var feedback = outcome.passed ? nil : (self.feedback ?? defaultFeedback)
        if outcome.passed, factor < 1 {
            feedback = "Passed on the repaired copy of your code, which earns \(Int((factor * 100).rounded()))% of the points."
        }
        return CheckResult(
            name: name, points: points, earned: earned, passed: outcome.passed && factor >= 1,
            feedback: feedback, expected: outcome.expected, actual: outcome.actual, hidden: hidden
        )
    }

    /// What to tell the student when the rubric gives no feedback for a failed check.
    var defaultFeedback: String {
        switch kind {
        case .runs: return "Your code must run to the end without an error."
        case let .outputContains(expectation): return "The output should contain \(expectation)."
        case let .distinctLines(min): return "Your program should print at least \(min) different lines."
        case let .processes(min, printing, distinct):
            var text = "Your program should start at least \(min) process\(min == 1 ? "" : "es")"
            if let printing { text += ", \(printing) of which print something" }
            if distinct { text += ", each a different value" }
            return text + "."
        case .pool: return "Your program should create a pool and give it work (e.g. pool.map)."
        case let .uses(requirement): return "Your code should use \(requirement)."
        case .recordedMatches: return "The output you recorded does not match what your code prints when run."
        }
    }

    private func rawOutcome(_ input: CheckInput) -> CheckOutcome {
        let record = input.record
        switch kind {
        case .runs:
            return CheckOutcome(ratio: record.status == .ok ? 1 : 0, expected: "runs to the end without an error", actual: Self.describe(record))

        case let .outputContains(expectation):
            switch expectation {
            case let .literal(value, written):
                let printed = LiteralReader().literals(in: record.stdout)
                let found = printed.contains { literal in literal.selfAndDescendants.contains(value) }
                let actual = found ? "printed \(written)" : Self.summarise(printed: printed, stdout: record.stdout)
                return CheckOutcome(ratio: found ? 1 : 0, expected: "output contains \(written)", actual: actual)
            case let .text(text):
                let needle = Self.collapse(text)
                let found = Self.collapse(record.stdout).contains(needle)
                return CheckOutcome(ratio: found ? 1 : 0, expected: "output contains \"\(text)\"", actual: found ? "found" : Self.summarise(printed: [], stdout: record.stdout))
            }

        case let .distinctLines(min):
            let distinct = Set(RecordedOutputComparison.normalisedLines(record.stdout)).count
            return CheckOutcome(
                ratio: Double(distinct) / Double(min),
                expected: "at least \(min) distinct output lines",
                actual: "\(distinct) distinct line\(distinct == 1 ? "" : "s")"
            )

        case let .processes(min, printing, distinct):
            return ProcessCheck(record: record).outcome(min: min, printing: printing, distinct: distinct)

        case let .pool(minTasks):
            let created = !record.pools.isEmpty
            let tasks = record.pools.reduce(0) { $0 + $1.tasksRun }
            let ratio: Double = !created ? 0 : tasks >= minTasks ? 1 : 0.5
            let actual = !created ? "no pool was created" : "\(record.pools.count) pool\(record.pools.count == 1 ? "" : "s") ran \(tasks) task\(tasks == 1 ? "" : "s")"
            return CheckOutcome(ratio: ratio, expected: "a pool created and running at least \(minTasks) task\(minTasks == 1 ? "" : "s")", actual: actual)

        case let .uses(requirement):
            guard let facts = input.facts else {
                return CheckOutcome(ratio: 0, expected: "uses \(requirement)", actual: input.factsUnavailableReason ?? "the code could not be analysed")
            }
            let resolver = APIUsageResolver(facts: facts)
            let names = resolver.resolvedNames()
            let used = requirement.apis.filter { resolver.firstUse(of: $0, in: names) != nil }
            let ratio: Double = requirement.all ? Double(used.count) / Double(requirement.apis.count) : (used.isEmpty ? 0 : 1)
            let actual = used.isEmpty ? "none of them is used" : "uses " + used.joined(separator: ", ")
            return CheckOutcome(ratio: ratio, expected: "uses \(requirement)", actual: actual)

        case let .recordedMatches(order):
            let pids = Set(([record.mainPID].compactMap { $0 }) + record.processes.flatMap { [$0.pid, $0.parentPID] })
            let orderSensitive: Bool
            switch order {
            case .strict: orderSensitive = true
            case .any: orderSensitive = false
            case .auto: orderSensitive = record.processes.isEmpty
            }
            let compared = input.cells.compactMap { cell in
                cell.recorded.map { RecordedOutputComparison(recorded: $0, run: cell.stdout, pids: pids, orderSensitive: orderSensitive) }
            }
            guard !compared.isEmpty else {
                return CheckOutcome(ratio: 0, expected: "recorded output matching the run", actual: "no output was recorded under the code")
            }
            let matched = compared.reduce(0) { $0 + $1.matched }
            let total = compared.reduce(0) { $0 + max($1.recordedCount, $1.runCount) }
            let ratio = total == 0 ? 1 : Double(matched) / Double(total)
            let how = orderSensitive ? "in order" : "in any order (processes decide the order)"
            return CheckOutcome(
                ratio: ratio, expected: "recorded output matching the run, \(how)",
                actual: "\(matched) of \(total) line\(total == 1 ? "" : "s") match"
            )
        }
    }

    /// The run's end in words.
    static func describe(_ record: ExecutionRecord) -> String {
        if let exception = record.exception {
            let line = exception.line > 0 ? " on line \(exception.line)" : ""
            // A bare `raise MemoryError` has no message: no dangling colon then.
            let message = exception.message.isEmpty ? "" : ": \(exception.message)"
            return "\(exception.type)\(line)\(message)"
        }
        if let limit = record.limitMessage { return "\(record.status.explanation) (\(limit))" }
        return record.status.explanation
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    /// A short account of what was printed, for `actual`.
    static func summarise(printed: [PythonLiteral], stdout: String) -> String {
        let lines = RecordedOutputComparison.normalisedLines(stdout)
        guard !lines.isEmpty else { return "nothing was printed" }
        let shown = lines.prefix(3).map { $0.count > 80 ? String($0.prefix(77)) + "..." : $0 }
        return "printed: " + shown.joined(separator: " / ") + (lines.count > 3 ? " / ... (\(lines.count) lines)" : "")
    }
}

/// The `processes` check: how many child processes started, how many printed, and whether what
/// they printed differs.
struct ProcessCheck {
    let record: ExecutionRecord

    var children: [ProcessRecord] {
        record.processes.filter { $0.pid != record.mainPID }
    }

    func outcome(min: Int, printing: Int?, distinct: Bool) -> CheckOutcome {
        let started = children.count
        var ratios = [Double(started) / Double(min)]
        var actual = ["\(started) child process\(started == 1 ? "" : "es") started"]
        var expected = "at least \(min) child process\(min == 1 ? "" : "es")"
        let printers = printingUnits()
        let attributed = !record.lines.isEmpty
        if let printing {
            expected += ", \(printing) of them printing"
            ratios.append(attributed ? Double(printers.count) / Double(printing) : 0)
            actual.append(attributed ? "\(printers.count) of them printed" : "the run did not record which process printed each line")
        }
        if distinct {
            let wanted = printing ?? min
            expected += ", with different values"
            let values = Set(printers.map(\.value))
            ratios.append(attributed ? Double(values.count) / Double(wanted) : 0)
            if attributed { actual.append("\(values.count) different value\(values.count == 1 ? "" : "s")") }
        }
        let ratio = ratios.map { Swift.min(1, $0) }.reduce(0, +) / Double(ratios.count)
        return CheckOutcome(ratio: ratio, expected: expected, actual: actual.joined(separator: "; "))
    }

    /// Who printed what, one unit per child process, except that each line a pool worker
    /// printed is a unit of its own: which worker picks up which task is up to the scheduler
    /// (one fast worker may run all four), so counting workers would make the score change from
    /// run to run, while the tasks and what they print do not.
    func printingUnits() -> [(pid: Int32, value: String)] {
        var units: [(pid: Int32, value: String)] = []
        for child in children {
            let lines = record.lines.filter { $0.pid == child.pid && !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
            guard !lines.isEmpty else { continue }
            if child.poolWorker {
                units += lines.map { (child.pid, value(of: [$0])) }
            } else {
                units.append((child.pid, value(of: lines)))
            }
        }
        return units
    }

    /// What lines say, reduced to their values: the literals in them except pids (a process
    /// printing its own pid prints a different number each run, not a chosen value); their
    /// text when they hold no literal.
    func value(of lines: [OutputLine]) -> String {
        let pids = Set(([record.mainPID].compactMap { $0 }) + record.processes.flatMap { [$0.pid, $0.parentPID] })
        let text = lines.map(\.text).joined(separator: "\n")
        let literals = LiteralReader().literals(in: text).filter { literal in
            if case let .int(digits) = literal, let value = Int32(digits), pids.contains(value) { return false }
            return true
        }
        return literals.isEmpty ? RecordedOutputComparison.normalisedLines(text).joined(separator: "\n") : literals.map(\.description).joined(separator: ",")
    }
}
