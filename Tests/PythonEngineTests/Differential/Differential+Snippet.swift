import Foundation
import Testing

extension Differential {
    /// The corpus folders, each with its own rules.
    enum Folder: String, Sendable, CaseIterable {
        /// One feature per snippet plus assignment-style programs; recorded from CPython.
        case core
        /// Multiprocessing programs; recorded from CPython.
        case multiprocessing
        /// Engine-only behaviour (blocked calls); expectations written by hand, never run by CPython.
        case sandbox

        /// Whether `record.py` produces the expectations (and CPython can re-check them).
        var isRecordedFromCPython: Bool { self != .sandbox }
    }

    /// One corpus program and the directives in its first lines.
    struct Snippet: Sendable, Hashable, CustomTestStringConvertible {
        /// Path inside the corpus, e.g. `core/generator_send.py`: what gaps and filters match.
        let relativePath: String
        let folder: Folder
        let fileURL: URL
        let directives: Directives

        var expectationURL: URL { fileURL.deletingPathExtension().appendingPathExtension("expected") }
        var testDescription: String { relativePath }
    }

    /// `# key: value` comments among the first `Directives.scannedLines` lines of a snippet.
    /// Mirrors `directives()` in record.py.
    struct Directives: Sendable, Hashable {
        static let scannedLines = 5
        /// How stdout is compared.
        enum Order: String, Sendable { case exact, any }

        var order: Order = .exact
        /// Seconds before the run is killed (default 20).
        var timeout: Double = 20
        /// Directive lines that could not be understood; the corpus rules test reports them.
        var problems: [String] = []

        init() {}

        init(source: String) {
            for line in source.split(separator: "\n", omittingEmptySubsequences: false).prefix(Self.scannedLines) {
                guard let match = line.wholeMatch(of: #/#\s*([a-z-]+):\s*(.*?)\s*/#) else { continue }
                let value = String(match.2)
                switch match.1 {
                case "order":
                    if let o = Order(rawValue: value) { order = o } else { problems.append("unknown order '\(value)'") }
                case "timeout":
                    if let t = Double(value), t > 0 { timeout = t } else { problems.append("bad timeout '\(value)'") }
                default:
                    continue
                }
            }
        }
    }
}
