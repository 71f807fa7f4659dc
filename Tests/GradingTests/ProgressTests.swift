import Foundation
import Reports
import Testing
@testable import Grading

@Suite struct ProgressTests {
    func capture(_ body: (FileHandle) -> Void) throws -> String {
        let pipe = Pipe()
        body(pipe.fileHandleForWriting)
        try pipe.fileHandleForWriting.close()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    let result = SubmissionResult.summing(file: "subs/a\u{1B}[31m.md", questions: [QuestionResult(id: "Q1", kind: .prose, score: 1.5, max: 2)])

    @Test func plainLinesForLogs() throws {
        let text = try capture { handle in
            let progress = LineProgress(output: handle)
            progress.started(total: 2, reused: 3)
            progress.finished(result, done: 1, total: 2)
            progress.finished(SubmissionResult(file: "b.md", score: 0, max: 0, error: "worker died", questions: []), done: 2, total: 2)
            progress.ended()
        }
        #expect(text == "grading 2 sheets; 3 unchanged sheets skipped (use --force to regrade)\n[1/2] subs/a [31m.md: 1.5/2\n[2/2] b.md: ERROR: worker died\n")
    }

    @Test func barWithCountAndETA() throws {
        var clock = Date(timeIntervalSince1970: 0)
        let text = try capture { handle in
            let progress = TerminalProgress(output: handle, width: 10, now: { clock })
            progress.started(total: 4, reused: 0)
            clock += 10
            progress.finished(result, done: 1, total: 4)
            progress.ended()
        }
        #expect(text.contains("[..........] 0/4  ETA --:--"))
        // One sheet in 10 s, three left: 30 s.
        #expect(text.contains("[##........] 1/4  ETA 0:30  subs/a [31m.md"))
        #expect(text.hasSuffix("\n"))
    }
}
