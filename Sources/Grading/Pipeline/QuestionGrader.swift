import Reports

/// Grades one question of one sheet: scores its prose, runs its code (repairing export damage
/// when the code does not parse), applies the checks, and builds the `QuestionResult`.
public struct QuestionGrader: Sendable {
    public var runner: any CodeRunner
    public var analyzer: (any CodeAnalyzer)?
    public var prose: (any ProseScoring)?

    public init(runner: any CodeRunner, analyzer: (any CodeAnalyzer)? = nil, prose: (any ProseScoring)? = nil) {
        self.runner = runner
        self.analyzer = analyzer
        self.prose = prose
    }

    /// - Parameters:
    ///   - answer: the student's answer, or `nil` when the sheet does not answer the question.
    ///   - earlierCells: code of the cells of the questions before this one, in sheet order
    ///     (see `CellPlan` for when they run).
    public func grade(_ spec: QuestionSpec, answer: AnswerInput?, earlierCells: [String] = []) -> QuestionResult {
        var result = QuestionResult(id: spec.id, kind: spec.kind, score: 0, max: spec.points, title: spec.title)
        guard let answer else {
            result.feedback = ["No answer to this question was found in the sheet."]
            if spec.kind.hasCode {
                result.execution = nil
                result.checks = spec.checks.checks.map { notRun($0, reason: "no answer") }
            }
            return result
        }
        var score = 0.0
        if spec.kind != .code {
            score += gradeProse(spec, answer: answer, into: &result)
        }
        if spec.kind.hasCode {
            score += gradeCode(spec, answer: answer, earlierCells: earlierCells, into: &result)
        }
        result.score = min(spec.points, max(0, (score * 100).rounded() / 100))
        return result
    }

    // MARK: - Prose

    private func gradeProse(_ spec: QuestionSpec, answer: AnswerInput, into result: inout QuestionResult) -> Double {
        guard let prose else {
            result.feedback.append("The explanation was not scored: no prose scorer is available in this build.")
            return 0
        }
        do {
            let outcome = try prose.score(answer: answer.scoringText, questionID: spec.id)
            result.concepts = outcome.concepts
            result.feedback += outcome.feedback
            return min(outcome.score, spec.proseMax)
        } catch {
            result.feedback.append("The explanation could not be scored: \(error)")
            return 0
        }
    }

    // MARK: - Code

    private func gradeCode(_ spec: QuestionSpec, answer: AnswerInput, earlierCells: [String], into result: inout QuestionResult) -> Double {
        let cells = answer.cells
        guard !cells.isEmpty else {
            result.feedback.append("No code was found for this question.")
            result.checks = spec.checks.checks.map { notRun($0, reason: "no code was found") }
            return 0
        }
        let submitted = run(cells.map(\.code), earlierCells: earlierCells)

        // Export damage: repair the cells that show it and run the repaired copy as well.
        var repairs: [ExportRepair.Repaired?] = Array(repeating: nil, count: cells.count)
        var repairedRun: CellsRun?
        if let failure = submitted.firstFailure, failure.record.exception?.isSyntaxError == true {
            repairs = cells.map { ExportRepair.repair($0.code) }
            if repairs.contains(where: { $0 != nil }) {
                let codes = zip(cells, repairs).map { $1?.code ?? $0.code }
                repairedRun = run(codes, earlierCells: earlierCells)
            }
        }

        // Checks: each on the run as submitted, and on the repaired run at `repair_credit`;
        // the better of the two counts.
        let facts = analyse(cells.map(\.code), repaired: zip(cells, repairs).map { $1?.code ?? $0.code })
        let submittedInput = checkInput(submitted, cells: cells, facts: facts)
        let repairedInput = repairedRun.map { checkInput($0, cells: cells, facts: facts) }
        result.checks = spec.checks.checks.map { check in
            let asSubmitted = check.result(submittedInput)
            guard let repairedInput else { return asSubmitted }
            let repaired = check.result(repairedInput, creditFactor: spec.checks.repairCredit)
            return repaired.earned > asSubmitted.earned ? repaired : asSubmitted
        }
        let usesPassed = zip(spec.checks.checks, result.checks).allSatisfy { check, outcome in
            if case .uses = check.kind { return outcome.passed }
            return true
        }
        if !usesPassed {
            for (index, check) in spec.checks.checks.enumerated() where check.requiresUses && result.checks[index].earned > 0 {
                result.checks[index].earned = 0
                result.checks[index].passed = false
                result.checks[index].feedback = "This counts only when your code uses what the question asks for."
            }
        }

        // Cells: what each printed (the repaired run's output for a repaired cell), what was
        // recorded, and the repair made.
        let comparePIDs = pids(of: submitted.combined)
        result.cells = cells.enumerated().map { index, cell in
            let useRepaired = repairs[index] != nil && repairedRun != nil
            let source = useRepaired ? (repairedRun ?? submitted) : submitted
            let record = index < source.cells.count ? source.cells[index] : nil
            var cellResult = CellResult(code: cell.code, stdout: Self.clip(record?.stdout ?? ""), stderr: Self.clip(record?.stderr ?? ""), recordedOutput: cell.recordedOutput)
            if let recorded = cell.recordedOutput, let record {
                let comparison = RecordedOutputComparison(recorded: recorded, run: record.stdout, pids: comparePIDs.union(pids(of: record)), orderSensitive: record.processes.isEmpty)
                cellResult.recordedMatches = comparison.matches
            }
            if let repair = repairs[index], let repairedRun {
                let after = index < repairedRun.cells.count ? repairedRun.cells[index].status : .error
                cellResult.repair = CellRepair(kind: repair.kinds.map(\.rawValue).joined(separator: "+"), description: repair.description, statusAfter: after)
            }
            return cellResult
        }

        let combined = submitted.combined
        result.execution = ExecutionResult(status: combined.status, exception: combined.exception?.type, stdout: Self.clip(combined.stdout), processes: ProcessCheck(record: combined).children.count)
        // Failed checks carry their own feedback in `checks`, which every report shows.
        result.feedback += runFeedback(submitted: submitted, repaired: repairedRun, cellCount: cells.count)
        let earned = result.checks.reduce(0) { $0 + $1.earned }
        // Checks are worth their own points; when they do not add up to the code share, scale.
        let total = spec.checks.totalPoints
        guard total > 0 else { return 0 }
        return earned * spec.codeMax / total
    }

    /// Runs the question's cells, first adding earlier questions' cells that define a name the
    /// code is missing (see `CellPlan`); returns only the question's own cells' records.
    private func run(_ codes: [String], earlierCells: [String]) -> CellsRun {
        var prelude: [String] = []
        var result = runner.run(cells: codes)
        for _ in 0..<CellPlan.maxPreludeRounds {
            guard let failure = result.firstFailure, let name = CellPlan.missingName(in: failure.record.exception),
                  let provider = earlierCells.first(where: { CellPlan.defines(name, in: $0) && !prelude.contains($0) }) else { break }
            prelude.append(provider)
            let ordered = earlierCells.filter { prelude.contains($0) }
            let full = runner.run(cells: ordered + codes)
            // A prelude cell that itself fails means the earlier answer does not help.
            guard full.cells.count > ordered.count || full.firstFailure.map({ $0.index >= ordered.count }) ?? true else { break }
            result = CellsRun(cells: Array(full.cells.dropFirst(ordered.count)))
        }
        return result
    }

    private func analyse(_ codes: [String], repaired: [String]) -> Result<CodeFacts, CodeAnalysisError> {
        guard let analyzer else { return .failure(CodeAnalysisError("the code could not be analysed: no Python parser is available in this build")) }
        var parts: [CodeFacts] = []
        for (index, code) in codes.enumerated() {
            switch analyzer.facts(for: code) {
            case let .success(facts): parts.append(facts)
            case let .failure(error):
                // A damaged cell is analysed as repaired.
                guard repaired[index] != code, case let .success(facts) = analyzer.facts(for: repaired[index]) else {
                    return .failure(error)
                }
                parts.append(facts)
            }
        }
        return .success(CodeFacts.combined(parts))
    }

    private func checkInput(_ run: CellsRun, cells: [CellInput], facts: Result<CodeFacts, CodeAnalysisError>) -> CheckInput {
        let outputs = cells.enumerated().map { index, cell in
            CellOutput(stdout: index < run.cells.count ? run.cells[index].stdout : "", recorded: cell.recordedOutput)
        }
        switch facts {
        case let .success(facts): return CheckInput(record: run.combined, cells: outputs, facts: facts)
        case let .failure(error): return CheckInput(record: run.combined, cells: outputs, facts: nil, factsUnavailableReason: error.message)
        }
    }

    /// Output kept in results: the checks saw all of it, but a flood (up to the sandbox's 1 MB
    /// cap, per cell) would otherwise be copied into every report.
    static let keptOutputBytes = 64 * 1024

    static func clip(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.count > keptOutputBytes else { return text }
        var end = utf8.index(utf8.startIndex, offsetBy: keptOutputBytes)
        while end > utf8.startIndex, !text.unicodeScalars.indices.contains(end) { end = utf8.index(before: end) }
        let kept = String(text[..<end])
        return kept + "\n[... \(utf8.count - kept.utf8.count) more bytes of output not kept]\n"
    }

    private func pids(of record: ExecutionRecord) -> Set<Int32> {
        Set([record.mainPID].compactMap { $0 } + record.processes.flatMap { [$0.pid, $0.parentPID] })
    }

    private func notRun(_ check: CodeCheck, reason: String) -> CheckResult {
        CheckResult(name: check.name, points: check.points, earned: 0, passed: false, feedback: check.feedback ?? check.defaultFeedback, expected: nil, actual: reason, hidden: check.hidden)
    }

    /// Sentences about how the run went, for the student.
    private func runFeedback(submitted: CellsRun, repaired: CellsRun?, cellCount: Int) -> [String] {
        var lines: [String] = []
        if let failure = submitted.firstFailure {
            let which = cellCount > 1 ? "Cell \(failure.index + 1) " : "Your code "
            lines.append(which + CodeCheck.describeRun(failure.record) + ".")
            if failure.index + 1 < cellCount {
                lines.append("The cells after it were not run, as in a notebook's Run All.")
            }
        }
        if let repaired {
            if let failure = repaired.firstFailure {
                lines.append("The repaired copy did not run either: " + CodeCheck.describe(failure.record) + ".")
            } else {
                lines.append("The repaired copy ran to the end.")
            }
        }
        return lines
    }
}

extension CodeCheck {
    /// "stopped with NameError on line 3: ..." / "ran past the time limit".
    static func describeRun(_ record: ExecutionRecord) -> String {
        record.exception == nil ? describe(record) : "stopped with " + describe(record)
    }
}
