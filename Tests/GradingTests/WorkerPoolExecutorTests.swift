import Foundation
import Reports
import Testing
@testable import Grading

/// The executor's handling of workers that misbehave, with stand-in workers from the system
/// (the grader's own worker mode is exercised end to end in `EndToEndTests`).
@Suite struct WorkerPoolExecutorTests {
    let jobs = [SheetJob(file: "a.md", path: "/nonexistent/a.md", fingerprint: "f1"), SheetJob(file: "b.md", path: "/nonexistent/b.md", fingerprint: "f2")]

    func run(_ executable: String, _ arguments: [String], timeout: Double? = 5) -> [String: SubmissionResult] {
        let executor = WorkerPoolExecutor(executable: executable, arguments: arguments, jobs: 2, sheetTimeout: timeout)
        var results: [String: SubmissionResult] = [:]
        executor.execute(jobs) { index, result in results[jobs[index].file] = result }
        return results
    }

    @Test func workerThatDiesGivesEachSheetAnErrorResult() throws {
        let results = run("/bin/sh", ["-c", "exit 3"])
        #expect(results.count == 2)
        for job in jobs {
            let result = try #require(results[job.file])
            #expect(result.file == job.file)
            #expect(result.error?.contains("died") == true)
        }
    }

    @Test func workerThatHangsIsTimedOut() throws {
        let results = run("/bin/sh", ["-c", "exec sleep 30"], timeout: 0.5)
        #expect(results.count == 2)
        #expect(results.values.allSatisfy { $0.error?.contains("no response") == true })
    }

    @Test func unreadableResponseIsAnError() {
        let bad = WorkerPoolExecutor.decode(.success(Array("not json".utf8)), job: jobs[0])
        #expect(bad.error?.contains("unreadable result") == true)
        #expect(bad.file == "a.md")
    }

    @Test func handlerRoundTripsThroughTheContract() throws {
        let request = try JSONEncoder().encode(jobs[0])
        let response = try WorkerJobHandler.handle(Array(request)) { job in
            SubmissionResult.summing(file: job.file, questions: [QuestionResult(id: "Q1", kind: .prose, score: 1, max: 2)], fingerprint: job.fingerprint)
        }
        let decoded = WorkerPoolExecutor.decode(.success(response), job: jobs[0])
        #expect(decoded.score == 1 && decoded.max == 2 && decoded.fingerprint == "f1")
        #expect(throws: (any Error).self) { try WorkerJobHandler.handle(Array("{".utf8)) { _ in decoded } }
    }

    @Test func labelledRequestsAreAnsweredInTheStoredForm() throws {
        let labels = StoredResultLabels(rubric: "rubrics/r.yaml", graderVersion: "9.9")
        let request = try JSONEncoder().encode(WorkerJobRequest(job: jobs[0], labels: labels))
        let response = try WorkerJobHandler.handle(Array(request)) { job in
            SubmissionResult(file: job.file, score: 0, max: 2, error: "cannot read the sheet", questions: [], fingerprint: job.fingerprint)
        }
        let graded = WorkerPoolExecutor.decodeGraded(.success(response), job: jobs[0], labels: labels)
        #expect(graded.storedForm == Data(response))
        // A sheet that could not be graded is stored without its fingerprint (a rerun retries it).
        #expect(graded.result.fingerprint == nil && graded.result.error == "cannot read the sheet")
        let stored = try ResultsJSONWriter().decode(Data(response))
        #expect(stored.rubric == "rubrics/r.yaml" && stored.graderVersion == "9.9" && stored.generatedAt != nil)
        // Bytes labelled for another batch are not stored as they are.
        let other = StoredResultLabels(rubric: "other.yaml", graderVersion: "9.9")
        #expect(WorkerPoolExecutor.decodeGraded(.success(response), job: jobs[0], labels: other).storedForm == nil)
        #expect(WorkerPoolExecutor.decodeGraded(.success(response), job: jobs[0], labels: nil).storedForm == nil)
    }
}
