import ArgumentParser
import Foundation
import Grading
import ProcessRuntime
import Reports

/// `grader grade`: grades a batch of sheets on a pool of sandbox workers and writes every
/// report. The behaviour lives in Grading (`BatchGrader`, `WorkerPoolExecutor`,
/// `BatchPublisher`); this file parses arguments and maps failures to exit statuses.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade answer sheets against a rubric and write the reports.",
        discussion: """
        With no arguments, grades submissions/ with rubrics/multiprocessing.yaml into reports/. \
        Each sheet's result is stored in <out>/results/ as soon as it is graded; a rerun skips \
        sheets whose content, rubric and grader are unchanged (--force regrades them). \
        Exit status: 0; 1 when a student is under --fail-under or a sheet could not be graded \
        with --fail-under set; 64 for usage errors; 65 for an invalid rubric.
        """
    )

    @Argument(help: "Sheets or directories of sheets (default: submissions).")
    var paths: [String] = []

    @Option(name: .long, help: "The rubric (YAML).")
    var rubric: String = "rubrics/multiprocessing.yaml"

    @Option(name: .long, help: "The assignment file listing the questions (default: from the rubric's assignment).")
    var assignment: String?

    @Option(name: .long, help: "Directory for the reports.")
    var out: String = "reports"

    @Option(name: .long, help: "Reports to write: all, or a comma-separated list of json, csv, junit, markdown, html, gradescope, summary.")
    var format: String = "all"

    @Option(name: .long, help: ArgumentHelp(
        "Sandbox workers grading in parallel, exactly (default: elastic).",
        discussion: "By default the pool starts with one worker per core and adds workers, up to eight per core and while memory allows, when a worker's code sleeps instead of computing (time.sleep, waiting on a child), then shrinks back once they compute again."
    ))
    var jobs: Int?

    @Option(name: .customLong("fail-under"), help: "Exit with status 1 when a student scores under this percentage.")
    var failUnder: Double?

    @Option(name: .long, help: "Grade only shard K of N (e.g. 2/4); combine shards with `grader merge`.")
    var shard: String?

    @Flag(name: .long, help: "Regrade sheets even when their stored result is still valid.")
    var force = false

    @Option(name: .customLong("timeout"), help: "Seconds each code run may take (wall clock).")
    var cellTimeout: Double = 10

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let failUnder, !(0...100).contains(failUnder) { throw ValidationError("--fail-under must be a percentage from 0 to 100") }
        if cellTimeout <= 0 { throw ValidationError("--timeout must be positive") }
        if let shard { _ = try parseShard(shard) }
        _ = try parseFormats()
    }

    func parseShard(_ text: String) throws -> Shard {
        do {
            return try Shard(parsing: text)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func parseFormats() throws -> Set<ReportFormat> {
        do {
            return try ReportFormat.parse(format)
        } catch {
            throw ValidationError(String(describing: error))
        }
    }

    func run() throws {
        let formats = try parseFormats()
        let shard = try shard.map(parseShard) ?? .whole
        let inputs = paths.isEmpty ? ["submissions"] : paths
        let sheets: [BatchGrader.Sheet]
        do {
            sheets = try SheetCollector.collect(inputs)
        } catch {
            throw ValidationError(error.description)
        }

        // Validate the rubric here, once, so a bad rubric is one clear error (65), not one per sheet.
        var limits = SandboxLimits()
        limits.wallClockSeconds = cellTimeout
        let setup: GradingSetup
        do {
            setup = try GradingSetup.load(rubricPath: rubric, assignment: assignment, limits: limits)
        } catch {
            FileHandle.standardError.write(Data("grader grade: invalid rubric:\n\(error)\n".utf8))
            throw ExitCode(65)
        }

        let outURL = URL(fileURLWithPath: out)
        let store = ResultStore(reportsDirectory: outURL)
        let batchGrader = BatchGrader(store: store, rubricName: setup.rubricName, graderVersion: GraderVersion.current)
        let plan = batchGrader.plan(sheets, rubric: setup.rubricData, shard: shard, force: force)
        // A run over whole folders sees the whole batch: results of sheets no longer there go.
        // (A shard, or a run over chosen files, must not delete what other runs stored.)
        if shard == .whole, inputs.allSatisfy(isDirectory) {
            _ = try? store.prune(keeping: Set(sheets.map(\.file)))
        }

        // --jobs pins the pool; by default it grows past one worker per core while workers sleep.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let workers = min(jobs ?? cores, max(1, plan.jobs.count))
        let growth = jobs == nil ? WorkerPool.Growth.elastic(cores: cores) : nil
        let executor = WorkerPoolExecutor(
            executable: GradeWorkerCommand.executablePath,
            arguments: GradeWorkerCommand.arguments(rubric: absolute(rubric), assignment: assignment.map(absolute), timeout: cellTimeout),
            jobs: workers,
            sheetTimeout: Double(max(1, setup.questions.count)) * (cellTimeout * 4 + 5) + 30,
            growth: growth.map { Self.capped($0, jobs: plan.jobs.count) }
        )
        let progress: any BatchProgress = FileHandle.standardError.isTerminal ? TerminalProgress() : LineProgress()
        let (batch, storeFailures) = batchGrader.run(plan, executor: executor, progress: progress)
        for failure in storeFailures {
            FileHandle.standardError.write(Data("grader grade: \(failure)\n".utf8))
        }

        guard !batch.submissions.isEmpty else {
            print("No sheets to grade in \(inputs.joined(separator: ", "))" + (shard == .whole ? "." : " for shard \(shard)."))
            return
        }
        let summary: String
        do {
            summary = try BatchPublisher(reports: ReportSet(formats: formats)).publish(batch, to: outURL)
        } catch {
            FileHandle.standardError.write(Data("grader grade: \(error)\n".utf8))
            throw ExitCode(1)
        }
        print(summary, terminator: "")
        // The table's footer counts the class; this line says what this run did.
        var tail = "this run: \(plan.jobs.count) graded, \(plan.reused.count) unchanged"
        if executor.pool.grown > 0 {
            tail += " (\(workers) workers, up to \(executor.pool.peakWorkers) while some slept)"
        }
        if shard != .whole { tail += " (shard \(shard); \(plan.otherShards) sheets in other shards)" }
        print(tail + "; reports in \(out)/")
        let status = BatchPublisher.exitStatus(batch, failUnder: failUnder)
        if status != 0 { throw ExitCode(status) }
    }

    /// No more workers than sheets to grade.
    static func capped(_ growth: WorkerPool.Growth, jobs: Int) -> WorkerPool.Growth {
        var growth = growth
        growth.maxWorkers = max(1, min(growth.maxWorkers, jobs))
        return growth
    }

    func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
