import Foundation
import Reports
import Testing
@testable import Grading

/// A scratch directory per test, removed afterwards.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("grading-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }
}

@Suite struct BatchTests {
    let specs = [
        QuestionSpec(id: "Q1", kind: .prose, points: 2),
        QuestionSpec(id: "Q3", kind: .code, points: 2, checks: CheckSet(checks: [CodeCheck(kind: .runs, points: 1), CodeCheck(kind: .distinctLines(min: 2), points: 1)])),
    ]

    func grader() -> SheetGrader {
        let runner = TableRunner(table: ["good": ExecutionRecord(status: .ok, stdout: "a\nb\n"), "half": ExecutionRecord(status: .ok, stdout: "a\n")])
        return SheetGrader(questions: specs, source: LineSheetSource(), questionGrader: QuestionGrader(runner: runner, prose: FixedProse(score: 1)))
    }

    func sheets(_ scratch: Scratch, count: Int) throws -> [BatchGrader.Sheet] {
        try (0..<count).map { i in
            let url = try scratch.write("in/s\(i).txt", "Q1|\nQ3|\(i % 2 == 0 ? "good" : "half")\n")
            return BatchGrader.Sheet(file: "in/s\(i).txt", url: url)
        }
    }

    /// Counts the jobs it grades, and can stop after a number of them (a killed batch).
    final class CountingExecutor: SheetJobExecutor {
        let inner: InProcessExecutor
        var stopAfter: Int?
        var graded: [String] = []

        init(_ grader: SheetGrader, stopAfter: Int? = nil) {
            inner = InProcessExecutor(grader: grader)
            self.stopAfter = stopAfter
        }

        func execute(_ jobs: [SheetJob], onResult: (Int, SubmissionResult) -> Void) {
            for (index, job) in jobs.enumerated() {
                if let stopAfter, graded.count >= stopAfter { return }
                graded.append(job.file)
                onResult(index, inner.grade(job))
            }
        }
    }

    /// Hands the batch each result in its stored form, as the worker pool does.
    struct StoredFormExecutor: SheetJobExecutor {
        let grader: SheetGrader

        func execute(_ jobs: [SheetJob], onResult: (Int, SubmissionResult) -> Void) {
            Issue.record("the batch should ask for stored forms")
        }

        func execute(_ jobs: [SheetJob], labels: StoredResultLabels, onGraded: (Int, GradedSheet) -> Void) {
            for (index, job) in jobs.enumerated() {
                guard let (result, bytes) = try? labels.storedForm(of: grader.grade(job)) else { continue }
                onGraded(index, GradedSheet(result: result, storedForm: bytes))
            }
        }
    }

    @Test func storedFormsAreWrittenAsTheyAre() throws {
        let scratch = try Scratch()
        let store = ResultStore(reportsDirectory: scratch.url.appendingPathComponent("reports"))
        let batch = BatchGrader(store: store, rubricName: "r.yaml", graderVersion: "t")
        let all = try sheets(scratch, count: 3)
        let (result, failures) = batch.run(batch.plan(all, rubric: Data()), executor: StoredFormExecutor(grader: grader()))
        #expect(failures.isEmpty)
        #expect(result.submissions.map(\.file) == all.map(\.file))
        #expect(try store.readAll().submissions == result.submissions)
        // What a rerun compares: the stored rubric and fingerprint, so nothing is regraded.
        #expect(batch.plan(all, rubric: Data()).jobs.isEmpty)
    }

    @Test func gradesStoresAndSkipsUnchangedSheets() throws {
        let scratch = try Scratch()
        let store = ResultStore(reportsDirectory: scratch.url.appendingPathComponent("reports"))
        let batch = BatchGrader(store: store, rubricName: "r.yaml", graderVersion: "t")
        let all = try sheets(scratch, count: 4)
        let first = CountingExecutor(grader())
        let (result, failures) = batch.run(batch.plan(all, rubric: Data("rubric".utf8)), executor: first)
        #expect(failures.isEmpty)
        #expect(first.graded.count == 4)
        #expect(result.submissions.map(\.file) == all.map(\.file))
        #expect(result.submissions[0].score == 3)   // prose 1 + runs 1 + two distinct lines 1
        #expect(result.submissions[1].score == 2.5) // one distinct line of two: half a point
        #expect(try store.readAll().submissions.count == 4)

        // Unchanged: nothing is regraded, the stored results are reused.
        let second = CountingExecutor(grader())
        let plan = batch.plan(all, rubric: Data("rubric".utf8))
        #expect(plan.jobs.isEmpty && plan.reused.count == 4)
        let (again, _) = batch.run(plan, executor: second)
        #expect(second.graded.isEmpty)
        #expect(again.submissions == result.submissions)

        // One sheet edited, and the rubric unchanged: only that sheet.
        try scratch.write("in/s2.txt", "Q1|\nQ3|half\n")
        #expect(batch.plan(all, rubric: Data("rubric".utf8)).jobs.map(\.file) == ["in/s2.txt"])
        // The rubric changed: everything. --force: everything.
        #expect(batch.plan(all, rubric: Data("rubric v2".utf8)).jobs.count == 4)
        #expect(batch.plan(all, rubric: Data("rubric".utf8), force: true).jobs.count == 4)
        // A new grader version: everything.
        let newer = BatchGrader(store: store, rubricName: "r.yaml", graderVersion: "t2")
        #expect(newer.plan(all, rubric: Data("rubric".utf8)).jobs.count == 4)
    }

    @Test func killedBatchResumesWithWhatWasLeft() throws {
        let scratch = try Scratch()
        let store = ResultStore(reportsDirectory: scratch.url.appendingPathComponent("reports"))
        let batch = BatchGrader(store: store, rubricName: "r.yaml", graderVersion: "t")
        let all = try sheets(scratch, count: 6)
        let killed = CountingExecutor(grader(), stopAfter: 2)
        _ = batch.run(batch.plan(all, rubric: Data()), executor: killed)
        #expect(killed.graded.count == 2)
        let resumed = CountingExecutor(grader())
        let (result, _) = batch.run(batch.plan(all, rubric: Data()), executor: resumed)
        #expect(Set(resumed.graded) == Set(all.map(\.file)).subtracting(killed.graded))
        #expect(result.submissions.count == 6)
    }

    @Test func unreadableSheetIsRetriedOnRerun() throws {
        let scratch = try Scratch()
        let store = ResultStore(reportsDirectory: scratch.url.appendingPathComponent("reports"))
        let batch = BatchGrader(store: store, rubricName: "r.yaml", graderVersion: "t")
        let url = try scratch.write("in/bad.txt", "BROKEN")
        let sheets = [BatchGrader.Sheet(file: "in/bad.txt", url: url)]
        let (result, _) = batch.run(batch.plan(sheets, rubric: Data()), executor: InProcessExecutor(grader: grader()))
        #expect(result.submissions.first?.error == "in/bad.txt: not a sheet")
        #expect(batch.plan(sheets, rubric: Data()).jobs.count == 1)
    }

    @Test func shardsPartitionTheBatchDeterministically() throws {
        let files = (0..<200).map { "submissions/student-\($0).md" }
        let shards = try (1...4).map { try Shard(index: $0, count: 4) }
        var owners: [String: Int] = [:]
        for (index, shard) in shards.enumerated() {
            for file in files where shard.contains(file) {
                #expect(owners[file] == nil)
                owners[file] = index
            }
        }
        #expect(owners.count == files.count)
        // Every shard gets a fair share, and the split does not depend on the listing order.
        #expect(shards.allSatisfy { shard in files.filter(shard.contains).count > 20 })
        let again = try Shard(parsing: "3/4")
        #expect(files.filter(again.contains) == files.reversed().filter(again.contains).reversed())
        #expect(throws: ShardError.self) { try Shard(parsing: "0/4") }
        #expect(throws: ShardError.self) { try Shard(parsing: "5/4") }
        #expect(throws: ShardError.self) { try Shard(parsing: "x") }
        #expect(Shard.whole.contains("anything"))
    }

    @Test func shardsMergeIntoTheWholeBatch() throws {
        let scratch = try Scratch()
        let all = try sheets(scratch, count: 8)
        var shardDirectories: [URL] = []
        for k in 1...3 {
            let directory = scratch.url.appendingPathComponent("shard\(k)")
            let batch = BatchGrader(store: ResultStore(reportsDirectory: directory), rubricName: "r.yaml", graderVersion: "t")
            let plan = batch.plan(all, rubric: Data(), shard: try Shard(index: k, count: 3))
            _ = batch.run(plan, executor: InProcessExecutor(grader: grader()))
            shardDirectories.append(directory)
        }
        let merged = try BatchResult.load(from: shardDirectories)
        let whole = BatchGrader(store: ResultStore(reportsDirectory: scratch.url.appendingPathComponent("whole")), rubricName: "r.yaml", graderVersion: "t")
        let (single, _) = whole.run(whole.plan(all, rubric: Data()), executor: InProcessExecutor(grader: grader()))
        #expect(merged.submissions == single.submissions)
    }

    @Test func fingerprintCoversEachPart() {
        let base = Fingerprint.of(sheet: Data("a".utf8), rubric: Data("b".utf8), graderVersion: "1")
        // The digest stored results carry must not change between grader builds (a change
        // would regrade every unchanged sheet): fixed values, computed independently.
        #expect(base == "fnv128:fac28c9e96081a6c1a8ee872628fb82f")
        let prefix = Fingerprint.Prefix(rubric: Data("rubric: x\n".utf8), graderVersion: "0.1.0")
        #expect(prefix.of(sheet: Data("Q1 ünïcode\nprint(1)\n".utf8)) == "fnv128:073a155267c8723dcb016f9dde8b9bb2")
        #expect(prefix.of(sheet: Data("a".utf8)) == Fingerprint.of(sheet: Data("a".utf8), rubric: Data("rubric: x\n".utf8), graderVersion: "0.1.0"))
        #expect(base == Fingerprint.of(sheet: Data("a".utf8), rubric: Data("b".utf8), graderVersion: "1"))
        #expect(base != Fingerprint.of(sheet: Data("a ".utf8), rubric: Data("b".utf8), graderVersion: "1"))
        #expect(base != Fingerprint.of(sheet: Data("a".utf8), rubric: Data("c".utf8), graderVersion: "1"))
        #expect(base != Fingerprint.of(sheet: Data("a".utf8), rubric: Data("b".utf8), graderVersion: "2"))
        #expect(base != Fingerprint.of(sheet: Data("".utf8), rubric: Data("ab".utf8), graderVersion: "1"))
    }

    @Test func collectorFindsSheetsButNotReadmes() throws {
        let scratch = try Scratch()
        try scratch.write("subs/a.md", "x")
        try scratch.write("subs/README.md", "x")
        try scratch.write("subs/.hidden/b.txt", "x")
        try scratch.write("subs/deep/c.ipynb", "{}")
        try scratch.write("subs/notes.pdf", "x")
        let root = scratch.url.appendingPathComponent("subs").path
        let found = try SheetCollector.collect([root]).map(\.file)
        #expect(found == [root + "/a.md", root + "/deep/c.ipynb"])
        #expect(throws: SetupError.self) { try SheetCollector.collect([root + "/missing"]) }
    }

    @Test func publisherAppendsJobSummaryAndDecidesExitStatus() throws {
        let scratch = try Scratch()
        let summary = try scratch.write("step-summary.md", "earlier step\n")
        let batch = BatchResult(rubric: "r", submissions: [
            SubmissionResult.summing(file: "a.md", questions: [QuestionResult(id: "Q1", kind: .prose, score: 1, max: 2)]),
            SubmissionResult.summing(file: "b.md", questions: [QuestionResult(id: "Q1", kind: .prose, score: 2, max: 2)]),
        ])
        let publisher = BatchPublisher(reports: ReportSet(formats: [.json, .summary]), stepSummaryPath: summary.path)
        let text = try publisher.publish(batch, to: scratch.url.appendingPathComponent("out"))
        #expect(text.contains("a"))
        let written = try String(contentsOf: summary, encoding: .utf8)
        #expect(written.hasPrefix("earlier step\n"))
        #expect(written.contains("|"))
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out/results.json").path))
        #expect(BatchPublisher.exitStatus(batch, failUnder: nil) == 0)
        #expect(BatchPublisher.exitStatus(batch, failUnder: 50) == 0)
        #expect(BatchPublisher.exitStatus(batch, failUnder: 60) == 1)
    }
}
