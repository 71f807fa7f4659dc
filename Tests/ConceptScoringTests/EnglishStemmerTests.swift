import Foundation
import Testing
@testable import ConceptScoring

/// The package root, found from this file's path, so tests can read `../shared/data`.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A file under the project's `shared` folder: `../shared` next to the package root (worktrees
/// sit one level deeper, so `../../shared` is tried too). Empty when absent, so tests skip.
func sharedFile(_ relative: String) -> String {
    for base in ["../shared", "../../shared"] {
        let path = packageRoot.appendingPathComponent(base).appendingPathComponent(relative).standardizedFileURL.path
        if FileManager.default.fileExists(atPath: path) { return path }
    }
    return ""
}

@Suite struct EnglishStemmerTests {
    static let referencePath = sharedFile("data/english-stems.tsv")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: referencePath)))
    func reproducesTheWholeReferenceList() throws {
        let text = try String(contentsOfFile: Self.referencePath, encoding: .utf8)
        let stemmer = EnglishStemmer()
        var checked = 0
        var failures: [String] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else { continue }
            let got = stemmer.stem(String(fields[0]))
            if got != fields[1] { failures.append("\(fields[0]): expected \(fields[1]), got \(got)") }
            checked += 1
        }
        #expect(checked == 38_508)
        #expect(failures.isEmpty, "\(failures.count) mismatches, first: \(failures.prefix(40).joined(separator: "; "))")
    }

    @Test func knownStems() {
        let stemmer = EnglishStemmer()
        let cases = [
            ("processes", "process"), ("processing", "process"), ("generously", "generous"),
            ("skies", "sky"), ("dying", "die"), ("hoping", "hope"), ("cries", "cri"), ("ties", "tie"),
            ("threads", "thread"), ("yes", "yes"), ("multiprocessing", "multiprocess"),
        ]
        for (word, stem) in cases { #expect(stemmer.stem(word) == stem, "\(word)") }
    }

    @Test func leavesNonLettersAlone() {
        #expect(EnglishStemmer().stem("café") == "café")
        #expect(EnglishStemmer().stem("os2") == "os2")
    }
}
