import Foundation
import Reports

/// Grades a batch of sheets: decides which need grading (their shard, and whether a stored
/// result is still valid), hands them to an executor, and stores each result the moment it
/// arrives, so a crash, a timeout or Ctrl-C loses nothing already graded.
public struct BatchGrader {
    public var store: ResultStore
    /// What results name as their rubric (the rubric's path as given).
    public var rubricName: String
    public var graderVersion: String

    public init(store: ResultStore, rubricName: String, graderVersion: String) {
        self.store = store
        self.rubricName = rubricName
        self.graderVersion = graderVersion
    }

    /// A sheet given to the batch: its name in reports and where it is.
    public struct Sheet: Sendable, Equatable {
        public var file: String
        public var url: URL

        public init(file: String, url: URL) {
            self.file = file
            self.url = url
        }
    }

    /// What a run will do.
    public struct Plan: Sendable {
        /// Sheets to grade, in file order.
        public var jobs: [SheetJob]
        /// Stored results still valid for unchanged sheets.
        public var reused: [SubmissionResult]
        /// Sheets of the batch that belong to other shards.
        public var otherShards: Int
    }

    /// Picks this shard's sheets and, unless `force`, reuses stored results whose fingerprint
    /// (sheet bytes, rubric bytes, grader version) and rubric are unchanged. A sheet that cannot
    /// be read is still planned (its result will say why).
    public func plan(_ sheets: [Sheet], rubric: Data, shard: Shard = .whole, force: Bool = false) -> Plan {
        var jobs: [SheetJob] = []
        var reused: [SubmissionResult] = []
        var otherShards = 0
        let fingerprints = Fingerprint.Prefix(rubric: rubric, graderVersion: graderVersion)
        for sheet in sheets.sorted(by: { $0.file < $1.file }) {
            guard shard.contains(sheet.file) else {
                otherShards += 1
                continue
            }
            let bytes = (try? Data(contentsOf: sheet.url)) ?? Data()
            let fingerprint = fingerprints.of(sheet: bytes)
            if !force, let stored = try? store.existing(file: sheet.file), stored.rubric == rubricName,
               stored.submission.fingerprint == fingerprint, stored.submission.succeeded {
                reused.append(stored.submission)
                continue
            }
            jobs.append(SheetJob(file: sheet.file, path: sheet.url.standardizedFileURL.path, fingerprint: fingerprint))
        }
        return Plan(jobs: jobs, reused: reused, otherShards: otherShards)
    }

    /// Grades the plan's jobs with `executor`, writing each result to the store as it arrives,
    /// and returns the batch (reused and new results, sorted by file). A result that cannot be
    /// stored is reported through `storeFailures` and still part of the batch.
    public func run(
        _ plan: Plan, executor: any SheetJobExecutor, progress: (any BatchProgress)? = nil
    ) -> (batch: BatchResult, storeFailures: [String]) {
        var results = plan.reused
        var failures: [String] = []
        progress?.started(total: plan.jobs.count, reused: plan.reused.count)
        var done = 0
        // The fsync of each result happens off this loop unless the executor forks in this
        // process (a flusher thread would make those forks unsafe).
        let flusher = executor.gradesInThisProcess ? nil : BackgroundFlusher()
        let labels = StoredResultLabels(rubric: rubricName, graderVersion: graderVersion)
        executor.execute(plan.jobs, labels: labels) { _, graded in
            let stored = StoredResultLabels.storable(graded.result)
            do {
                let url: URL
                if let bytes = graded.storedForm {
                    url = try store.write(encoded: bytes, file: stored.file, durable: flusher == nil)
                } else {
                    url = try store.write(
                        stored, rubric: rubricName, graderVersion: graderVersion, generatedAt: BatchResult.timestamp(),
                        durable: flusher == nil
                    )
                }
                flusher?.flush(url)
            } catch {
                failures.append(String(describing: error))
            }
            results.append(stored)
            done += 1
            progress?.finished(stored, done: done, total: plan.jobs.count)
        }
        failures += flusher?.finish() ?? []
        progress?.ended()
        let batch = BatchResult(
            rubric: rubricName, submissions: results.sorted { $0.file < $1.file },
            graderVersion: graderVersion, generatedAt: BatchResult.timestamp()
        )
        return (batch, failures)
    }
}

/// Grades jobs somewhere (in this process, or on a pool of sandbox workers) and reports each
/// result as soon as it is known, in completion order. Every job gets exactly one result.
public protocol SheetJobExecutor {
    func execute(_ jobs: [SheetJob], onResult: (Int, SubmissionResult) -> Void)

    /// Same, with each result's stored form when the executor has it (see `GradedSheet`); by
    /// default the results of `execute(_:onResult:)` with none.
    func execute(_ jobs: [SheetJob], labels: StoredResultLabels, onGraded: (Int, GradedSheet) -> Void)

    /// Whether grading happens in the calling process (whose sandboxes fork it, so it must stay
    /// single-threaded). False by default: the batch may then use a thread of its own.
    var gradesInThisProcess: Bool { get }
}

extension SheetJobExecutor {
    public var gradesInThisProcess: Bool { false }

    public func execute(_ jobs: [SheetJob], labels: StoredResultLabels, onGraded: (Int, GradedSheet) -> Void) {
        execute(jobs) { index, result in onGraded(index, GradedSheet(result: result)) }
    }
}

/// Grades jobs one after the other in this process: for tests and `--jobs 0` debugging. The
/// process must be single-threaded if the grader runs code (the sandbox forks).
public struct InProcessExecutor: SheetJobExecutor {
    public var grade: (SheetJob) -> SubmissionResult

    public init(grade: @escaping (SheetJob) -> SubmissionResult) {
        self.grade = grade
    }

    public init(grader: SheetGrader) {
        self.grade = { grader.grade($0) }
    }

    public var gradesInThisProcess: Bool { true }

    public func execute(_ jobs: [SheetJob], onResult: (Int, SubmissionResult) -> Void) {
        for (index, job) in jobs.enumerated() {
            onResult(index, grade(job))
        }
    }
}
