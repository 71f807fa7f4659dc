import Foundation
import Testing

/// The corpus must keep to its own rules: big enough, every snippet recorded, nothing stale,
/// directives and the known-gaps list well formed.
@Suite("Differential corpus rules")
struct DifferentialCorpusRulesTests {
    static let minimumCore = 150
    static let minimumPrograms = 25
    static let minimumMultiprocessing = 60

    private func corpus() throws -> Differential.Corpus {
        try Differential.Corpus.shared.get()
    }

    @Test("the corpus is large enough")
    func sizes() throws {
        let corpus = try corpus()
        let core = corpus.snippets(in: .core)
        #expect(core.count >= Self.minimumCore, "core has \(core.count) snippets")
        let programs = core.filter { $0.fileURL.lastPathComponent.hasPrefix("program_") }
        #expect(programs.count >= Self.minimumPrograms, "core has \(programs.count) program_*.py snippets")
        let mp = corpus.snippets(in: .multiprocessing)
        #expect(mp.count >= Self.minimumMultiprocessing, "multiprocessing has \(mp.count) snippets")
        #expect(!corpus.snippets(in: .sandbox).isEmpty)
    }

    @Test("every snippet has an expectation and every expectation a snippet")
    func pairing() throws {
        let corpus = try corpus()
        let snippetStems = Set(corpus.snippets.map { String($0.relativePath.dropLast(".py".count)) })
        let expectationStems = Set(corpus.expectationPaths.map { String($0.dropLast(".expected".count)) })
        for stem in snippetStems.subtracting(expectationStems).sorted() {
            Issue.record("\(stem).py has no \(stem).expected (run Differential/record.py)")
        }
        for stem in expectationStems.subtracting(snippetStems).sorted() {
            Issue.record("\(stem).expected has no \(stem).py (delete it or restore the snippet)")
        }
        #expect(corpus.strayPaths.isEmpty, "files the corpus does not know: \(corpus.strayPaths)")
    }

    @Test("expectation files parse; only hand-written ones use stderr-type")
    func expectationsParse() throws {
        for snippet in try corpus().snippets {
            guard let text = try? String(contentsOf: snippet.expectationURL, encoding: .utf8) else { continue }
            do {
                let expectation = try Differential.Expectation(parsing: text)
                if case .exceptionType = expectation.stderr, snippet.folder.isRecordedFromCPython {
                    Issue.record("\(snippet.relativePath): stderr-type is for hand-written (sandbox) expectations")
                }
            } catch {
                Issue.record("\(snippet.relativePath): \(error)")
            }
        }
    }

    @Test("directives are understood")
    func directives() throws {
        for snippet in try corpus().snippets where !snippet.directives.problems.isEmpty {
            Issue.record("\(snippet.relativePath): \(snippet.directives.problems.joined(separator: "; "))")
        }
    }

    @Test("KNOWN_GAPS.txt is well formed and names existing snippets")
    func knownGaps() throws {
        let corpus = try corpus()
        let gaps = try corpus.knownGaps()
        for line in gaps.malformedLines {
            Issue.record("KNOWN_GAPS.txt line \(line): expected '<path or glob> # <reason>'")
        }
        for entry in gaps.entries
        where !corpus.snippets.contains(where: { Differential.KnownGaps.glob(entry.pattern, matches: $0.relativePath) }) {
            Issue.record("KNOWN_GAPS.txt line \(entry.line): '\(entry.pattern)' matches no snippet (stale entry?)")
        }
    }
}
