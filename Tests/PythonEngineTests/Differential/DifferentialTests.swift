import Foundation
import Testing

/// Runs every corpus snippet through the engine (`grader run FILE.py`) and through CPython, and
/// requires both to reproduce the recorded stdout, last stderr line and exit status.
/// See `Differential` for the environment variables that steer it.
@Suite("Differential corpus")
struct DifferentialTests {
    /// Snippets for the engine side: all of them (filtered by GRADER_DIFF_ONLY), except the
    /// sandbox folder when CPython stands in for the engine (CPython does not block anything).
    static var engineCases: [Differential.Snippet] {
        selected.filter { !Differential.Engine.underTestIsCPython || $0.folder.isRecordedFromCPython }
    }

    /// Snippets whose recordings CPython can re-check (not the hand-written sandbox folder).
    static var cpythonCases: [Differential.Snippet] {
        selected.filter { $0.folder.isRecordedFromCPython }
    }

    private static var selected: [Differential.Snippet] {
        let all = Differential.Corpus.sharedSnippets
        guard let only = Differential.Settings.current.only else { return all }
        let globs = only.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return all.filter { snippet in globs.contains { Differential.KnownGaps.glob($0, matches: snippet.relativePath) } }
    }

    static let knownGaps: Result<Differential.KnownGaps, Differential.Corpus.LoadError> = Result {
        try Differential.Corpus.shared.get().knownGaps()
    }.mapError { $0 as? Differential.Corpus.LoadError ?? .unreadable(Differential.Corpus.knownGapsFile, $0) }

    static var cpythonCrossCheckEnabled: Bool {
        Differential.Engine.cpythonIsReference && !Differential.Settings.current.skipCPython
            && !Differential.Engine.underTestIsCPython
    }

    static var cpythonSkipReason: Comment {
        let reason: String
        if Differential.Engine.underTestIsCPython {
            reason = "python3 is already the engine under test (GRADER_DIFF_ENGINE=python3)"
        } else if Differential.Settings.current.skipCPython {
            reason = "GRADER_DIFF_SKIP_CPYTHON is set"
        } else if let version = Differential.Engine.cpythonInstallation?.version {
            reason = "python3 on PATH is \(version); the recordings are from \(Differential.Engine.referenceVersion)"
        } else {
            reason = "no python3 on PATH"
        }
        return Comment(rawValue: reason)
    }

    @Test("engine reproduces CPython's recorded output", arguments: engineCases)
    func engineMatchesRecording(_ snippet: Differential.Snippet) async throws {
        let expectation = try Self.expectation(for: snippet)
        let gap = Differential.Engine.underTestIsCPython ? nil : try Self.knownGaps.get().entry(for: snippet.relativePath)
        if let gap, !Differential.Settings.current.ignoreGaps {
            withKnownIssue("Known gap (KNOWN_GAPS.txt line \(gap.line), '\(gap.pattern)'): \(gap.reason)") {
                Issue.record("\(snippet.relativePath) was not run against the engine; set GRADER_DIFF_IGNORE_GAPS=1 to run it")
            }
            return
        }
        let engine = try Differential.Engine.underTest.get()
        if let report = try await Self.mismatchReport(snippet, expectation: expectation, with: engine) {
            Issue.record(Comment(rawValue: report))
        } else if let gap {
            // Only reached with GRADER_DIFF_IGNORE_GAPS=1: make passing gaps easy to find.
            withKnownIssue("Gap now passes: \(snippet.relativePath)") {
                Issue.record("\(snippet.relativePath) NOW PASSES; narrow or remove KNOWN_GAPS.txt line \(gap.line) ('\(gap.pattern)')")
            }
        }
    }

    @Test("CPython still produces the recorded output",
          .enabled(if: cpythonCrossCheckEnabled, cpythonSkipReason),
          arguments: cpythonCases)
    func cpythonMatchesRecording(_ snippet: Differential.Snippet) async throws {
        let expectation = try Self.expectation(for: snippet)
        let cpython = try #require(Differential.Engine.cpython)
        if let report = try await Self.mismatchReport(snippet, expectation: expectation, with: cpython) {
            Issue.record(Comment(rawValue: report + "\n(if CPython's behaviour is right, re-record with Differential/record.py)"))
        }
    }

    struct ExpectationError: Error, CustomStringConvertible {
        let description: String
    }

    static func expectation(for snippet: Differential.Snippet) throws -> Differential.Expectation {
        let text: String
        do {
            text = try String(contentsOf: snippet.expectationURL, encoding: .utf8)
        } catch {
            throw ExpectationError(description: "\(snippet.relativePath) has no readable expectation file (run Differential/record.py): \(error)")
        }
        do {
            return try Differential.Expectation(parsing: text)
        } catch {
            throw ExpectationError(description: "\(snippet.relativePath): malformed expectation file: \(error)")
        }
    }

    /// Runs `snippet` on `engine`; a readable report of every difference, or nil when it matches.
    static func mismatchReport(_ snippet: Differential.Snippet, expectation: Differential.Expectation,
                               with engine: Differential.Engine) async throws -> String? {
        let outcome = try await engine.run(snippet)
        let comparison = Differential.Comparison(expectation: expectation, order: snippet.directives.order)
        let differences = comparison.differences(from: outcome, timeout: snippet.directives.timeout)
        guard !differences.isEmpty else { return nil }
        let expectedFile = snippet.relativePath.dropLast(".py".count) + ".expected"
        return "\(snippet.relativePath) under \(engine) differs from \(expectedFile):\n"
            + differences.map { "• " + $0 }.joined(separator: "\n")
    }
}
