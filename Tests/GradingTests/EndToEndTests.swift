import Foundation
import Testing

/// Drives the built `grader` binary (next to the test bundle) over sheets written for the
/// purpose, with the repository's rubric and assignment.
@Suite(.serialized, .enabled(if: GraderBinary.exists, "the grader binary is not built next to the tests"))
struct EndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var rubric: String { Self.root.appendingPathComponent("rubrics/multiprocessing.yaml").path }
    var assignment: String { Self.root.appendingPathComponent("assignments/multiprocessing.md").path }

    static let goodSheet = """
    # Q1. What is multiprocessing?
    Multiprocessing runs several processes at the same time, each with its own memory and its own
    interpreter, so CPU-bound work runs in parallel on several cores.

    # Q3. Create a process
    ```python
    import multiprocessing

    def hello():
        print("hello from the child")

    if __name__ == "__main__":
        p = multiprocessing.Process(target=hello)
        p.start()
        p.join()
    ```
    """

    static let weakSheet = """
    # Q1. What is multiprocessing?
    It is a thing.
    """

    func grade(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        try GraderBinary.run(["grade"] + arguments + ["--rubric", rubric, "--assignment", assignment], in: directory, environment: environment)
    }

    @Test func gradesWritesReportsAndSkipsUnchangedSheets() throws {
        let scratch = try Scratch()
        try scratch.write("subs/good.md", Self.goodSheet)
        try scratch.write("subs/weak.md", Self.weakSheet)
        let summaryFile = scratch.url.appendingPathComponent("step-summary.md")
        let first = try grade(["subs", "--out", "out", "--jobs", "2"], in: scratch.url, environment: ["GITHUB_STEP_SUMMARY": summaryFile.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("2 graded, 0 unchanged"))
        let results = try JSONSerialization.jsonObject(with: Data(contentsOf: scratch.url.appendingPathComponent("out/results.json"))) as? [String: Any]
        let submissions = try #require(results?["submissions"] as? [[String: Any]])
        #expect(submissions.map { $0["file"] as? String } == ["subs/good.md", "subs/weak.md"])
        let good = try #require(submissions.first)
        let weak = try #require(submissions.last)
        #expect((good["score"] as? Double ?? 0) > (weak["score"] as? Double ?? 0))
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out/junit.xml").path))
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out/students/good.html").path))
        #expect(try String(contentsOf: summaryFile, encoding: .utf8).contains("good"))

        let second = try grade(["subs", "--out", "out"], in: scratch.url)
        #expect(second.status == 0)
        #expect(second.stdout.contains("0 graded, 2 unchanged"))

        try scratch.write("subs/weak.md", Self.weakSheet + "\nMore words about processes and memory.\n")
        let third = try grade(["subs", "--out", "out"], in: scratch.url)
        #expect(third.stdout.contains("1 graded, 1 unchanged"))
        let forced = try grade(["subs", "--out", "out", "--force"], in: scratch.url)
        #expect(forced.stdout.contains("2 graded, 0 unchanged"))

        // --fail-under: the weak sheet is under 90%.
        let failing = try grade(["subs", "--out", "out", "--fail-under", "90"], in: scratch.url)
        #expect(failing.status == 1)
    }

    /// The numbers must hold up in CI: the bundled samples (processes, pools, unjoined
    /// children, broken code) graded twice from scratch give the same gradebook, whatever the
    /// scheduler did with the processes.
    @Test func gradingTheSamplesTwiceGivesTheSameGradebook() throws {
        let scratch = try Scratch()
        let samples = Self.root.appendingPathComponent("submissions").path
        var gradebooks: [String] = []
        for run in 1...2 {
            let result = try grade([samples, "--out", "out\(run)"], in: scratch.url)
            #expect(result.status == 0, "\(result.stderr)")
            gradebooks.append(try String(contentsOf: scratch.url.appendingPathComponent("out\(run)/gradebook.csv"), encoding: .utf8))
        }
        #expect(gradebooks[0] == gradebooks[1])
        #expect(gradebooks[0].split(whereSeparator: \.isNewline).count == 10)  // header + nine students
    }

    @Test func usageAndRubricErrorsHaveTheirStatuses() throws {
        let scratch = try Scratch()
        try scratch.write("subs/a.md", Self.weakSheet)
        #expect(try grade(["subs", "--shard", "3/2"], in: scratch.url).status == 64)
        #expect(try grade(["missing-folder"], in: scratch.url).status == 64)
        #expect(try grade(["subs", "--format", "pdf"], in: scratch.url).status == 64)
        try scratch.write("bad.yaml", "assignment: multiprocessing\nquestions:\n  - id: Q3\n    kind: code\n    points: 1\n    checks:\n      - runz: {points: 1}\n")
        let bad = try GraderBinary.run(["grade", "subs", "--rubric", "bad.yaml", "--assignment", assignment], in: scratch.url)
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("bad.yaml:7:"))
        // check-rubric applies the same validation to the checks.
        let checked = try GraderBinary.run(["check-rubric", "bad.yaml"], in: scratch.url)
        #expect(checked.status == 65)
        #expect(checked.stderr.contains("bad.yaml:7:"))
        #expect(checked.stderr.contains("runz"))
    }

    @Test func shardsMergeIntoOneGradebook() throws {
        let scratch = try Scratch()
        for i in 0..<6 { try scratch.write("subs/s\(i).md", i % 2 == 0 ? Self.goodSheet : Self.weakSheet) }
        for k in 1...2 {
            let run = try grade(["subs", "--out", "shard\(k)", "--shard", "\(k)/2"], in: scratch.url)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let merged = try GraderBinary.run(["merge", "shard1", "shard2", "--out", "all"], in: scratch.url)
        #expect(merged.status == 0, "\(merged.stderr)")
        let csv = try String(contentsOf: scratch.url.appendingPathComponent("all/gradebook.csv"), encoding: .utf8)
        #expect(csv.split(whereSeparator: \.isNewline).count == 7)
    }

    // Q6 floods 60 kB a line, so it reaches the output cap in a few lines even on a loaded
    // machine, long before the timeout.
    static let hostileSheet = """
    # Q1. What is multiprocessing?
    Multiprocessing runs several processes at the same time, each with its own memory.

    # Q3. Create a process
    ```python
    while True:
        pass
    ```

    # Q5. A pool
    A pool of worker processes.
    ```python
    import multiprocessing
    def bomb():
        while True:
            p = multiprocessing.Process(target=bomb)
            p.start()
    if __name__ == "__main__":
        bomb()
    ```

    # Q6. Four processes
    ```python
    while True:
        print("flood " * 10000)
    ```
    """

    static let fineSheet = """
    # Q1. What is multiprocessing?
    Multiprocessing runs several processes at the same time, each with its own memory.

    # Q6. Four processes
    ```python
    for i in range(4):
        print(i)
    ```
    """

    @Test func hostileSheetIsGradedWithinLimitsAndOthersAreUnaffected() throws {
        let scratch = try Scratch()
        try scratch.write("subs/hostile.md", Self.hostileSheet)
        try scratch.write("subs/fine.md", Self.fineSheet)
        // An unusual timeout marks this run's workers (and the sandboxed children they fork,
        // which share their command line) in the process table.
        let run = try grade(["subs", "--out", "out", "--jobs", "2", "--timeout", "2.125"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        let data = try Data(contentsOf: scratch.url.appendingPathComponent("out/results.json"))
        let results = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let submissions = try #require(results["submissions"] as? [[String: Any]])
        func question(_ file: String, _ id: String) -> [String: Any]? {
            let sheet = submissions.first { $0["file"] as? String == file }
            return (sheet?["questions"] as? [[String: Any]])?.first { $0["id"] as? String == id }
        }
        func status(_ file: String, _ id: String) -> String? {
            (question(file, id)?["execution"] as? [String: Any])?["status"] as? String
        }
        #expect(status("subs/hostile.md", "Q3") == "timeout")
        #expect(status("subs/hostile.md", "Q6") == "limit")
        // The fork bomb is stopped at the process cap (32 by default).
        let bomb = question("subs/hostile.md", "Q5")?["execution"] as? [String: Any]
        #expect(["error", "limit"].contains(bomb?["status"] as? String ?? ""))
        #expect((bomb?["processes"] as? Int ?? 99) <= 32)
        #expect((question("subs/hostile.md", "Q5")?["feedback"] as? [String])?.contains { $0.contains("process limit") } == true)
        // Its prose was still scored.
        #expect((question("subs/hostile.md", "Q1")?["score"] as? Double ?? 0) > 0)
        #expect(status("subs/fine.md", "Q6") == "ok")
        #expect((question("subs/fine.md", "Q6")?["execution"] as? [String: Any])?["stdout"] as? String == "0\n1\n2\n3\n")
        // No process of the run is left behind.
        #expect(!Self.processTable().contains { $0.contains("grade-worker") && $0.contains("2.125") })
    }

    /// Command lines of every process on the machine, to look for survivors of a run.
    static func processTable() -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { $0.allSatisfy(\.isNumber) }.compactMap { pid in
            (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    @Test func killedBatchResumesWhereItStopped() throws {
        let scratch = try Scratch()
        for i in 0..<8 { try scratch.write("subs/s\(i).md", Self.goodSheet) }
        let process = try GraderBinary.start(["grade", "subs", "--out", "out", "--jobs", "1", "--rubric", rubric, "--assignment", assignment], in: scratch.url)
        let results = scratch.url.appendingPathComponent("out/results")
        // Wait for the first stored result, then kill the batch.
        var stored: [String] = []
        for _ in 0..<600 where stored.isEmpty {
            stored = ((try? FileManager.default.contentsOfDirectory(atPath: results.path)) ?? []).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            if stored.isEmpty { usleep(10_000) }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        stored = ((try? FileManager.default.contentsOfDirectory(atPath: results.path)) ?? []).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
        #expect(!stored.isEmpty)
        let rerun = try grade(["subs", "--out", "out"], in: scratch.url)
        #expect(rerun.stdout.contains("\(8 - stored.count) graded, \(stored.count) unchanged"), "\(rerun.stdout)")
    }
}

/// The `grader` executable built beside the test bundle.
enum GraderBinary {
    static var path: String {
        let bundle = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: bundle).deletingLastPathComponent()
        // Inside `X.xctest/...` on some layouts: climb out of the bundle.
        while directory.path.contains(".xctest") { directory.deleteLastPathComponent() }
        return directory.appendingPathComponent("grader").path
    }

    static var exists: Bool { FileManager.default.isExecutableFile(atPath: path) }

    static func start(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["GITHUB_STEP_SUMMARY"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["GITHUB_STEP_SUMMARY"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes to the end before waiting, so a chatty grader cannot block on a full pipe.
        let errData = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData.data, as: UTF8.self))
    }
}

/// Bytes read on another thread; the group's wait orders the write before the read.
final class DataBox: @unchecked Sendable {
    var data = Data()
}
