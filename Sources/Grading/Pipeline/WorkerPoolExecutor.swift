import Foundation
import ProcessRuntime
import Reports

/// Grades jobs on a pool of sandbox workers: the grader's own executable started with
/// `posix_spawn` in its hidden worker mode (`grader grade-worker`), one job (one sheet) at a
/// time per worker, each worker forking a fresh sandboxed child per question's code.
///
/// The orchestrator never forks (it may have threads); a worker that dies or overruns
/// `sheetTimeout` is killed and replaced by `WorkerPool`, and its sheet gets a result whose
/// `error` says what happened, while the other sheets carry on.
public final class WorkerPoolExecutor: SheetJobExecutor {
    public let pool: WorkerPool

    /// - Parameters:
    ///   - executable: the grader binary.
    ///   - arguments: the worker-mode arguments (subcommand, rubric, limits).
    ///   - jobs: number of workers (the least, with `growth`).
    ///   - sheetTimeout: seconds a whole sheet may take before its worker is killed.
    ///   - growth: more workers while some sleep (see `WorkerPool.Growth`); nil pins `jobs`.
    public init(executable: String, arguments: [String], jobs: Int, sheetTimeout: Double?, growth: WorkerPool.Growth? = nil) {
        pool = WorkerPool(WorkerPool.Configuration(
            executable: executable, arguments: arguments, size: max(1, jobs), jobTimeout: sheetTimeout, standardError: .inherit,
            growth: growth
        ))
    }

    public func execute(_ jobs: [SheetJob], onResult: (Int, SubmissionResult) -> Void) {
        run(jobs, labels: nil) { index, graded in onResult(index, graded.result) }
    }

    /// Workers answer with each result in its stored form, which the batch writes as it is.
    public func execute(_ jobs: [SheetJob], labels: StoredResultLabels, onGraded: (Int, GradedSheet) -> Void) {
        run(jobs, labels: labels, onGraded)
    }

    private func run(_ jobs: [SheetJob], labels: StoredResultLabels?, _ onGraded: (Int, GradedSheet) -> Void) {
        let encoder = JSONEncoder()
        var requests: [[UInt8]] = []
        for job in jobs {
            requests.append(Array((try? encoder.encode(WorkerJobRequest(job: job, labels: labels))) ?? Data()))
        }
        pool.process(requests) { index, response in
            onGraded(index, Self.decodeGraded(response, job: jobs[index], labels: labels))
        }
        pool.shutdown()
    }

    static func decode(_ response: Result<[UInt8], WorkerError>, job: SheetJob) -> SubmissionResult {
        decodeGraded(response, job: job, labels: nil).result
    }

    /// The worker's answer; its bytes are kept as the stored form when they carry `labels`.
    static func decodeGraded(_ response: Result<[UInt8], WorkerError>, job: SheetJob, labels: StoredResultLabels?) -> GradedSheet {
        switch response {
        case let .success(bytes):
            do {
                let data = Data(bytes)
                let batch = try ResultsJSONWriter().decode(data, source: "worker")
                guard let result = batch.submissions.first else { return GradedSheet(result: failed(job, "the worker returned no result")) }
                let labelled = labels.map { batch.rubric == $0.rubric && batch.graderVersion == $0.graderVersion && batch.submissions.count == 1 } ?? false
                return GradedSheet(result: result, storedForm: labelled ? data : nil)
            } catch {
                return GradedSheet(result: failed(job, "the worker returned an unreadable result: \(error)"))
            }
        case let .failure(error):
            return GradedSheet(result: failed(job, "grading stopped: \(error)"))
        }
    }

    static func failed(_ job: SheetJob, _ reason: String) -> SubmissionResult {
        SubmissionResult(file: job.file, score: 0, max: 0, error: reason, questions: [])
    }
}

/// The worker side: decode a job, grade it, encode the result (as a one-sheet `results.json`,
/// the contract every tool reads; in its stored form when the request names the batch's rubric
/// and grader version).
public enum WorkerJobHandler {
    public static func handle(_ request: [UInt8], grade: (SheetJob) -> SubmissionResult) throws -> [UInt8] {
        let decoded = try JSONDecoder().decode(WorkerJobRequest.self, from: Data(request))
        let result = grade(decoded.job)
        if let labels = decoded.labels {
            return Array(try labels.storedForm(of: result).bytes)
        }
        return Array(try ResultsJSONWriter().render(BatchResult(rubric: "", submissions: [result])))
    }
}

/// What the orchestrator sends a worker: the job's fields, plus the labels of the stored form
/// when the batch wants it (a bare `SheetJob` is a request too).
struct WorkerJobRequest: Codable, Equatable {
    var file: String
    var path: String
    var fingerprint: String
    var resultRubric: String?
    var resultGraderVersion: String?

    init(job: SheetJob, labels: StoredResultLabels?) {
        file = job.file
        path = job.path
        fingerprint = job.fingerprint
        resultRubric = labels?.rubric
        resultGraderVersion = labels?.graderVersion
    }

    var job: SheetJob { SheetJob(file: file, path: path, fingerprint: fingerprint) }

    var labels: StoredResultLabels? {
        guard let resultRubric, let resultGraderVersion else { return nil }
        return StoredResultLabels(rubric: resultRubric, graderVersion: resultGraderVersion)
    }
}
