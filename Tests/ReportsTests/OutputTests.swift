import Foundation
import Testing
@testable import Reports

@Suite struct AtomicFileTests {
    @Test func writesReplacesAndLeavesNoTemporaryFiles() throws {
        let dir = try SampleResults.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("nested/deeper/file.txt")
        try AtomicFile.write("first", to: url)
        try AtomicFile.write("second", to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "second")
        #expect(SampleResults.listing(dir) == ["nested/deeper/file.txt"])
    }

    @Test func failureIsAClearErrorAndLeavesNothingBehind() throws {
        let dir = try SampleResults.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The target is a directory: rename fails, the temp file must be cleaned up.
        let target = dir.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: target.appendingPathComponent("child"), withIntermediateDirectories: true)
        #expect(throws: ReportError.self) { try AtomicFile.write("x", to: target) }
        #expect(SampleResults.listing(dir) == [])
    }

    struct Interrupted: Error {}

    @Test func piecewiseWritesAreAtomicToo() throws {
        let dir = try SampleResults.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("big.txt")
        // Pieces smaller and larger than the sink's block, in order.
        let pieces = [Array("head ".utf8), [UInt8](repeating: 0x61, count: 200_000), Array(" tail".utf8)]
        try AtomicFile.write(to: url) { sink in for piece in pieces { try sink.write(piece) } }
        #expect(try Data(contentsOf: url) == Data(pieces.joined()))
        // A body that fails leaves the old file and no temporary file.
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: url) { sink in
                try sink.write(Array("partial".utf8))
                throw Interrupted()
            }
        }
        #expect(try Data(contentsOf: url) == Data(pieces.joined()))
        #expect(SampleResults.listing(dir) == ["big.txt"])
    }
}

@Suite struct ReportSetTests {
    @Test func writesEveryReportInTheDocumentedLayout() throws {
        let dir = try SampleResults.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let written = try ReportSet().write(SampleResults.batch, to: dir)
        let expected = [
            "gradebook.csv", "gradescope/alice_1001_2001_hw1.json", "gradescope/bob.json", "gradescope/carol.json",
            "junit.xml", "results.json",
            "students/alice_1001_2001_hw1.html", "students/alice_1001_2001_hw1.md",
            "students/bob.html", "students/bob.md", "students/carol.html", "students/carol.md",
            "summary.md", "summary.txt",
        ]
        #expect(SampleResults.listing(dir) == expected)  // no temporary files left
        #expect(written.count == expected.count)
        let layout = ReportLayout(root: dir)
        #expect(try ResultStore.read(layout.resultsJSON).submissions.count == 3)
        #expect(try XMLNode.parse(Data(contentsOf: layout.junitXML)).all("testsuite").count == 3)
        #expect(try CSVParser.parse(String(contentsOf: layout.gradebookCSV, encoding: .utf8)).count == 4)
    }

    @Test func selectedFormatsOnlyAndStaleStudentsPruned() throws {
        let dir = try SampleResults.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try ReportSet().write(SampleResults.batch, to: dir)
        var smaller = SampleResults.batch
        smaller.submissions.removeLast()  // carol left the course
        try ReportSet(formats: [.markdown]).write(smaller, to: dir)
        let files = SampleResults.listing(dir)
        #expect(!files.contains("students/carol.md"))
        #expect(files.contains("students/carol.html"))  // html was not written this run: left alone
        #expect(files.contains("gradescope/carol.json"))
    }

    @Test func collidingNamesAreMadeUnique() {
        let a = SubmissionResult(file: "x/sheet.txt", score: 1, max: 1, questions: [])
        let b = SubmissionResult(file: "y/sheet.md", score: 1, max: 1, questions: [])
        let c = SubmissionResult(file: "z/Sheet.ipynb", score: 1, max: 1, questions: [])
        #expect(ReportNaming.uniqueBaseNames(for: [c, b, a]) == ["Sheet-3", "sheet-2", "sheet"])
        #expect(ReportNaming.slug("../../etc/passwd") == "etc-passwd")
        #expect(ReportNaming.slug("Zoë Ünal <x>") == "Zo-nal-x")
        #expect(ReportNaming.slug("...") == "submission")
        #expect(ReportNaming.resultFileName(for: "a/sheet.txt") != ReportNaming.resultFileName(for: "b/sheet.txt"))
    }
}

@Suite struct ResultStoreAndMergeTests {
    @Test func mergeOfTwoShardsEqualsTheWhole() throws {
        let whole = try BatchResult.merge([SampleResults.batch])
        #expect(whole.submissions.map(\.file) == ["submissions/alice_1001_2001_hw1.ipynb", "submissions/bob.txt", "submissions/carol.md"])
        var shard1 = SampleResults.batch
        shard1.submissions = [SampleResults.failed, SampleResults.fullMarks]
        var shard2 = SampleResults.batch
        shard2.submissions = [SampleResults.partial]
        #expect(try BatchResult.merge([shard1, shard2]) == whole)
        #expect(try BatchResult.merge([shard2, shard1]) == whole)
    }

    @Test func laterResultsWinAndRubricsMustMatch() throws {
        var old = SampleResults.batch
        old.submissions = [SampleResults.partial]
        var regraded = SampleResults.partial
        regraded.score = 6
        var new = SampleResults.batch
        new.submissions = [regraded]
        #expect(try BatchResult.merge([old, new]).submissions == [regraded])
        var other = SampleResults.batch
        other.rubric = "rubrics/other.yaml"
        #expect(throws: ReportError.self) { try BatchResult.merge([old, other]) }
        #expect(throws: ReportError.self) { try BatchResult.merge([]) }
    }

    @Test func perSubmissionFilesFromShardsMergeFromDisk() throws {
        let root = try SampleResults.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let shardA = root.appendingPathComponent("shard-a"), shardB = root.appendingPathComponent("shard-b")
        let b = SampleResults.batch
        let storeA = ResultStore(reportsDirectory: shardA)
        try storeA.write(SampleResults.fullMarks, rubric: b.rubric, graderVersion: b.graderVersion, generatedAt: b.generatedAt)
        try storeA.write(SampleResults.failed, rubric: b.rubric, graderVersion: b.graderVersion, generatedAt: b.generatedAt)
        try ResultStore(reportsDirectory: shardB)
            .write(SampleResults.partial, rubric: b.rubric, graderVersion: b.graderVersion, generatedAt: b.generatedAt)
        // A leftover temporary file from a killed write is ignored.
        try Data("{ truncated".utf8).write(to: storeA.directory.appendingPathComponent(".x.json.123.tmp"))

        let merged = try BatchResult.load(from: [shardA, shardB])
        // Files hold scores rounded to two decimals, so compare with the whole after one round trip.
        let whole = try ResultsJSONWriter().decode(ResultsJSONWriter().render(BatchResult.merge([b])))
        #expect(merged == whole)
        #expect(try storeA.readAll().submissions.count == 2)

        // Each per-submission file is itself a valid results file.
        let one = try ResultStore.read(storeA.url(for: SampleResults.failed.file))
        #expect(one.submissions == [SampleResults.failed])
        let existing = try #require(try storeA.existing(file: SampleResults.fullMarks.file))
        #expect(existing.submission == SampleResults.fullMarks)
        #expect(existing.rubric == b.rubric)
        #expect(try storeA.existing(file: "submissions/nobody.txt") == nil)

        // A merged results.json reads back too, and a directory holding only it works.
        let out = root.appendingPathComponent("merged")
        try ReportSet(formats: [.json]).write(merged, to: out)
        #expect(try BatchResult.load(from: [out]) == merged)
    }

    @Test func badInputGivesClearErrors() throws {
        let root = try SampleResults.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: ReportError.self) { try BatchResult.load(from: [root.appendingPathComponent("missing")]) }
        #expect(throws: ReportError.noResults(searched: [root.path])) { try BatchResult.load(from: [root]) }
        let bad = root.appendingPathComponent("bad.json")
        try Data("not json".utf8).write(to: bad)
        do {
            _ = try BatchResult.load(from: [root])
            Issue.record("expected an error")
        } catch let error as ReportError {
            #expect(error.description.contains("bad.json"))
        }
    }
}

@Suite struct StudentIdentityTests {
    @Test func fromLMSDownloadNames() {
        #expect(StudentIdentity(path: "subs/smithjohn_12345_6789012_hw1.ipynb") == StudentIdentity(name: "smithjohn", id: "12345"))
        #expect(StudentIdentity(path: "smithjohn_LATE_12345_6789012_hw1-2.ipynb") == StudentIdentity(name: "smithjohn", id: "12345"))
        #expect(StudentIdentity(path: "John Smith_123456_assignsubmission_file_hw1.ipynb") == StudentIdentity(name: "John Smith", id: "123456"))
        #expect(StudentIdentity(path: "dl/John Smith_123456_assignsubmission_file_/answers.txt") == StudentIdentity(name: "John Smith", id: "123456"))
        #expect(StudentIdentity(path: "sheet-a.txt") == StudentIdentity(name: "sheet-a", id: nil))
        #expect(StudentIdentity(path: "my_answers_v2.md") == StudentIdentity(name: "my_answers_v2", id: nil))
        #expect(StudentIdentity(path: ".hidden") == StudentIdentity(name: ".hidden", id: nil))
    }

    @Test func explicitNameOverridesDerivedID() {
        let s = SubmissionResult(file: "smithjohn_12345_6789012_hw1.ipynb", score: 0, max: 0, questions: [], studentName: "John Smith")
        #expect(s.studentName == "John Smith")
        #expect(s.studentID == nil)
        let derived = SubmissionResult(file: "smithjohn_12345_6789012_hw1.ipynb", score: 0, max: 0, questions: [])
        #expect(derived.studentID == "12345")
    }
}

@Suite struct ReportFormatTests {
    @Test func parsesFormatLists() throws {
        #expect(try ReportFormat.parse("json, csv,JUnit") == [.json, .csv, .junit])
        #expect(try ReportFormat.parse("all") == Set(ReportFormat.allCases))
        #expect(try ReportFormat.parse("md,html") == [.markdown, .html])
        #expect(throws: ReportError.unknownFormat("pdf", valid: ["all"] + ReportFormat.allCases.map(\.rawValue))) {
            try ReportFormat.parse("json,pdf")
        }
        #expect(throws: ReportError.self) { try ReportFormat.parse(" , ") }
    }
}

@Suite struct ResultStorePruneTests {
    @Test func removeAndPrune() throws {
        let root = try SampleResults.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = ResultStore(reportsDirectory: root)
        #expect(try store.prune(keeping: []) == [])  // no directory yet: nothing to do
        for s in SampleResults.batch.submissions { try store.write(s, rubric: "r") }
        try store.remove(file: SampleResults.failed.file)
        try store.remove(file: SampleResults.failed.file)  // absent: fine
        #expect(try store.readAll().submissions.count == 2)
        #expect(try store.prune(keeping: [SampleResults.partial.file]) == [SampleResults.fullMarks.file])
        #expect(try store.readAll().submissions.map(\.file) == [SampleResults.partial.file])
    }
}
