import Foundation
import Testing

/// The grade worker builds a `PreparedEngine` once and forks every question's run from it: each
/// run must still get its own `multiprocessing` state, pids and random numbers. Two code
/// questions of one sheet, graded by one worker, are two such runs.
@Suite(.enabled(if: GraderBinary.exists, "the grader binary is not built next to the tests"))
struct PreparedEngineGradingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let code = """
        import multiprocessing, os, random

        def work(q):
            me = multiprocessing.current_process()
            q.put((me.name, multiprocessing.parent_process().pid == os.getppid()))

        if __name__ == "__main__":
            me = multiprocessing.current_process()
            print("main", me.name, me.pid == os.getpid(), multiprocessing.parent_process())
            print("method", multiprocessing.get_start_method())
            multiprocessing.set_start_method("spawn", force=True)
            print("random", random.random())
            multiprocessing.set_start_method("fork", force=True)
            q = multiprocessing.Queue()
            p = multiprocessing.Process(target=work, args=(q,))
            p.start()
            print("child", q.get())
            p.join()
            print("exit", p.exitcode, len(multiprocessing.active_children()))
        """

    static var sheet: String {
        "# Q3. Create a process\n```python\n\(code)\n```\n\n# Q6. Four processes\n```python\n\(code)\n```\n"
    }

    @Test func everyRunStartsFromAFreshCopyOfThePreparedEngine() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("prepared-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("subs"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try Self.sheet.write(to: scratch.appendingPathComponent("subs/sheet.md"), atomically: true, encoding: .utf8)
        let result = try GraderBinary.run(
            ["grade", "subs", "--out", "out", "--jobs", "1", "--format", "json",
             "--rubric", Self.root.appendingPathComponent("rubrics/multiprocessing.yaml").path,
             "--assignment", Self.root.appendingPathComponent("assignments/multiprocessing.md").path],
            in: scratch)
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: scratch.appendingPathComponent("out/results.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let submission = try #require((json?["submissions"] as? [[String: Any]])?.first)
        let questions = try #require(submission["questions"] as? [[String: Any]])
        let outputs = questions.compactMap { ($0["cells"] as? [[String: Any]])?.first?["stdout"] as? String }
        try #require(outputs.count == 2, "two code questions ran: \(questions)")
        var randoms: [String] = []
        for output in outputs {
            let lines = output.split(separator: "\n").map(String.init)
            #expect(lines.first == "main MainProcess True None", "\(output)")
            #expect(lines.contains("method fork"), "\(output)")
            #expect(lines.contains("child ('Process-1', True)"), "\(output)")
            #expect(lines.last == "exit 0 0", "\(output)")
            randoms += lines.filter { $0.hasPrefix("random ") }
        }
        #expect(randoms.count == 2)
        #expect(Set(randoms).count == 2, "both runs drew the same random numbers: \(randoms)")
    }
}
