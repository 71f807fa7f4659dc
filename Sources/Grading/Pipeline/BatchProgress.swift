import Foundation
import Reports
#if canImport(Glibc)
import Glibc
#endif

/// Hears about a batch as it runs.
public protocol BatchProgress: AnyObject {
    func started(total: Int, reused: Int)
    func finished(_ result: SubmissionResult, done: Int, total: Int)
    func ended()
}

/// Progress for a terminal: one line redrawn in place with a bar, the count and the time left,
/// estimated from the sheets graded so far.
///
/// ```
/// [##########..........]  12/24  ETA 0:07  alice.md
/// ```
public final class TerminalProgress: BatchProgress {
    let output: FileHandle
    let width: Int
    var start = Date()
    var total = 0
    let now: () -> Date

    public init(output: FileHandle = .standardError, width: Int = 24, now: @escaping () -> Date = Date.init) {
        self.output = output
        self.width = width
        self.now = now
    }

    public func started(total: Int, reused: Int) {
        self.total = total
        start = now()
        if reused > 0 { write("\(reused) unchanged sheet\(reused == 1 ? "" : "s") skipped (use --force to regrade)\n") }
        if total > 0 { write(line(done: 0, name: "")) }
    }

    public func finished(_ result: SubmissionResult, done: Int, total: Int) {
        write(line(done: done, name: result.file))
    }

    public func ended() {
        if total > 0 { write("\n") }
    }

    func line(done: Int, name: String) -> String {
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        var eta = "--:--"
        if done > 0 {
            let elapsed = now().timeIntervalSince(start)
            let left = Int((elapsed / Double(done) * Double(total - done)).rounded())
            eta = "\(left / 60):" + String(format: "%02d", left % 60)
        }
        let shown = String(plain(name).prefix(40))
        return "\r\u{1B}[2K[\(bar)] \(done)/\(total)  ETA \(eta)  \(shown)"
    }

    func write(_ text: String) {
        output.write(Data(text.utf8))
    }
}

/// Progress for logs (CI): one plain line per sheet, no control characters.
///
/// ```
/// [3/24] alice.md: 7.5/10
/// ```
public final class LineProgress: BatchProgress {
    let output: FileHandle

    public init(output: FileHandle = .standardError) {
        self.output = output
    }

    public func started(total: Int, reused: Int) {
        var text = "grading \(total) sheet\(total == 1 ? "" : "s")"
        if reused > 0 { text += "; \(reused) unchanged sheet\(reused == 1 ? "" : "s") skipped (use --force to regrade)" }
        write(text + "\n")
    }

    public func finished(_ result: SubmissionResult, done: Int, total: Int) {
        let name = plain(result.file)
        let outcome = result.error.map { "ERROR: " + plain($0) } ?? "\(ScoreFormat.text(result.score))/\(ScoreFormat.text(result.max))"
        write("[\(done)/\(total)] \(name): \(outcome)\n")
    }

    public func ended() {}

    func write(_ text: String) {
        output.write(Data(text.utf8))
    }
}

extension FileHandle {
    /// Whether the handle is a terminal (a progress bar), or a file or pipe (plain lines).
    public var isTerminal: Bool { isatty(fileDescriptor) == 1 }
}

/// Text safe for a terminal or a log: control characters (escape sequences a file name or an
/// error could smuggle in) become spaces.
func plain(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
}
