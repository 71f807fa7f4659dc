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
    ///   - jobs: number of workers.
    ///   - sheetTimeout: seconds a whole sheet may take before its worker is killed.
    public init(executable: String, arguments: [String], jobs: Int, sheetTimeout: Double?) {
        pool = WorkerPool(WorkerPool.Configuration(
            executable: executable, arguments: arguments, size: max(1, jobs), jobTimeout: sheetTimeout, standardError: .inherit
        ))
    }

    public func execute(_ jobs: [SheetJob], onResult: (Int, SubmissionResult) -> Void) {
        let encoder = JSONEncoder()
        var requests: [[UInt8]] = []
        for job in jobs {
            requests.append(Array((try? encoder.encode(job)) ?? Data()))
        }
        pool.run(requests) { index, response in
            let job = jobs[index]
            onResult(index, Self.decode(response, job: job))
        }
        pool.shutdown()
    }

    static func decode(_ response: Result<[UInt8], WorkerError>, job: SheetJob) -> SubmissionResult {
        switch response {
        case let .success(bytes):
            do {
                let batch = try ResultsJSONWriter().decode(Data(bytes), source: "worker")
                if let result = batch.submissions.first { return result }
                return failed(job, "the worker returned no result")
            } catch {
                return failed(job, "the worker returned an unreadable result: \(error)")
            }
        case let .failure(error):
            return failed(job, "grading stopped: \(error)")
        }
    }

    static func failed(_ job: SheetJob, _ reason: String) -> SubmissionResult {
        SubmissionResult(file: job.file, score: 0, max: 0, error: reason, questions: [])
    }
}

/// The worker side: decode a job, grade it, encode the result (as a one-sheet `results.json`,
/// the contract every tool reads).
public enum WorkerJobHandler {
    public static func handle(_ request: [UInt8], grade: (SheetJob) -> SubmissionResult) throws -> [UInt8] {
        let job = try JSONDecoder().decode(SheetJob.self, from: Data(request))
        let result = grade(job)
        return Array(try ResultsJSONWriter().render(BatchResult(rubric: "", submissions: [result])))
    }
}
