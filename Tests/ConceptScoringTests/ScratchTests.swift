import Foundation
import Testing
import Rubrics
@testable import ConceptScoring

@Test func scratchSeeds() throws {
    guard ProcessInfo.processInfo.environment["SCRATCH"] != nil else { return }
    let scorer = try ConceptScorer.load(path: packageRoot.appendingPathComponent("rubrics/multiprocessing.yaml").path)
    for file in ["sheet-a", "sheet-b", "sheet-c"] {
        let text = try String(contentsOfFile: "/work/shared/seeds/\(file).txt", encoding: .utf8)
        // crude split: lines that look like question headers
        var parts: [String: String] = [:]
        var current = ""
        var n = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let l = line.trimmingCharacters(in: .whitespaces)
            if l.range(of: #"^(#+ *Q?[1-6][.)]|Q[1-6]\.|0[1-6]\.|### [1-6]\))"#, options: .regularExpression) != nil {
                n += 1; current = "Q\(n)"; continue
            }
            if !current.isEmpty { parts[current, default: ""] += line + "\n" }
        }
        for q in ["Q1", "Q2", "Q4", "Q5"] {
            let s = try scorer.score(answer: parts[q] ?? "", for: q)
            print("== \(file) \(q): \(s.score)/\(s.max) words=\(s.wordCount) limits=\(s.limits)")
            for f in s.feedback { print("   " + f) }
        }
    }
}
