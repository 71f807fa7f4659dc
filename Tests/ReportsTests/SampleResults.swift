import Foundation
@testable import Reports

/// Results built in code for the tests: full marks, partial credit, a sheet that failed to
/// grade, and hostile student text everywhere a student controls text.
enum SampleResults {
    /// Everything a hostile sheet might contain: markup, a CDATA end, quotes, a spreadsheet
    /// formula, newlines, emoji, and control characters (including a terminal escape).
    static let hostile = "<script>alert('x')</script> ]]> \"q\" & =cmd|' /C calc'!A0\nline2 🙂 \u{1}\u{1B}[2J\u{7F} ```"

    static let rubric = "rubrics/multiprocessing.yaml"

    static var fullMarks: SubmissionResult {
        .summing(
            file: "submissions/alice_1001_2001_hw1.ipynb",
            questions: [
                QuestionResult(
                    id: "Q1", kind: .prose, score: 2, max: 2,
                    feedback: ["All the key ideas are there."],
                    title: "What is multiprocessing?",
                    concepts: ConceptResults(earned: [
                        EarnedConcept(id: "separate-memory", points: 1, quote: "each process has its own memory", match: "phrase"),
                        EarnedConcept(id: "parallelism", points: 1, quote: "run in parallel", match: "synonym of \"parallelism\""),
                    ])
                ),
                QuestionResult(
                    id: "Q3", kind: .code, score: 2, max: 2,
                    feedback: ["The process starts and prints."],
                    execution: ExecutionResult(status: .ok, stdout: "hello from child\n", processes: 1),
                    checks: [CheckResult(name: "creates a Process", points: 2, earned: 2, passed: true)],
                    cells: [CellResult(code: "from multiprocessing import Process\n", stdout: "hello from child\n",
                                       recordedOutput: "hello from child\n", recordedMatches: true)]
                ),
            ]
        )
    }

    static var partial: SubmissionResult {
        SubmissionResult.summing(
            file: "submissions/bob.txt",
            questions: [
                QuestionResult(
                    id: "Q1", kind: .prose, score: 0.75, max: 2,
                    feedback: ["Found 1 of 3 concepts.", hostile],
                    title: "What is multiprocessing?",
                    concepts: ConceptResults(
                        earned: [EarnedConcept(id: "parallelism", points: 1, quote: hostile, match: "typo of \"parallel\"")],
                        missing: [MissingConcept(id: "separate-memory", points: 0.75, hint: "Say that each process has its own memory.")],
                        misconceptions: [Misconception(id: "threads-are-processes", points: 0.25, quote: "threads are <b>processes</b>")]
                    )
                ),
                QuestionResult(
                    id: "Q3", kind: .code, score: 0.1 + 0.2, max: 2,
                    feedback: ["The cell raised NameError."],
                    execution: ExecutionResult(status: .error, exception: "NameError", stdout: hostile, processes: 0),
                    checks: [
                        CheckResult(name: "runs without error", points: 1, earned: 0, passed: false,
                                    feedback: "Fix the NameError.", expected: "no exception", actual: "NameError: name 'Proces' is not defined"),
                        CheckResult(name: "SECRET-hidden-check-name", points: 1, earned: 0.3, passed: false,
                                    feedback: "SECRET-hidden-feedback", expected: "SECRET-expected", actual: "SECRET-actual", hidden: true),
                    ],
                    cells: [
                        CellResult(
                            code: "print('</pre><script>x</script>')\n```\nProces()\n",
                            stdout: hostile,
                            stderr: "NameError: name 'Proces' is not defined\n",
                            recordedOutput: "4 processes <img src=x onerror=alert(1)>\n",
                            recordedMatches: false,
                            repair: CellRepair(kind: "indentation", description: "re-indented the body of `if __name__`", statusAfter: .error)
                        ),
                    ]
                ),
                QuestionResult(
                    id: "Q5", kind: .both, score: 1.5, max: 2,
                    feedback: [],
                    execution: ExecutionResult(status: .timeout, stdout: "", processes: 4)
                ),
            ],
            studentName: "=cmd|' /C calc'!A0 <b>Bob</b> \"the\" 🙂, Jr.",
            studentID: "-42"
        )
    }

    static var failed: SubmissionResult {
        SubmissionResult(
            file: "submissions/carol.md",
            score: 0, max: 6,
            error: "cannot read the sheet: invalid UTF-8 at byte 12 ]]> <x> \u{1}\u{FFFE}",
            questions: []
        )
    }

    static var batch: BatchResult {
        BatchResult(
            rubric: rubric,
            submissions: [fullMarks, partial, failed],
            graderVersion: "0.1.0",
            generatedAt: "2026-11-22T01:00:00Z"
        )
    }

    /// A fresh empty directory under the temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ReportsTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file under a directory, relative paths, sorted (hidden files included).
    static func listing(_ root: URL) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var out: [String] = []
        while let path = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDir), !isDir.boolValue {
                out.append(path)
            }
        }
        return out.sorted()
    }
}
