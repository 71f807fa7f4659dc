import Foundation
import Testing
import Rubrics
@testable import ConceptScoring

@Suite struct PhraseDiagnosticsTests {
    func problems(_ phrases: [String], synonyms: String = "") throws -> [String] {
        let list = phrases.map { "          - \"\($0)\"" }.joined(separator: "\n")
        let yaml = """
        assignment: a
        \(synonyms)questions:
          - id: Q
            kind: prose
            points: 1
            concepts:
              - id: c
                points: 1
                feedback: x
                phrases:
        \(list)
        """
        let rubric = try RubricParser.parse(yaml: yaml, file: "p.yaml")
        return ConceptScorer.diagnostics(for: rubric).map(\.description)
    }

    @Test func phrasesThatCanNeverMatch() throws {
        #expect(try problems(["!!!", "the of a", "not", "never the", "own memory", "a|| b"]) == [
            "p.yaml:11:13: phrase '!!!' is empty after normalisation; it can never match",
            "p.yaml:12:13: phrase 'the of a' has only common words, which matching ignores; it can never match",
            "p.yaml:13:13: phrase 'not' is entirely negated: negated words never count as evidence, so it can never match; state the idea positively",
            "p.yaml:14:13: phrase 'never the' is entirely negated: negated words never count as evidence, so it can never match; state the idea positively",
            "p.yaml:16:13: phrase 'a|| b' has an empty alternative; write multi-word wordings as separate phrases",
        ])
    }

    @Test func multiWordAlternativesAndSynonyms() throws {
        #expect(try problems(["own|cpu-bound memory"]) == [
            "p.yaml:11:13: phrase 'own|cpu-bound memory' has alternative 'cpu-bound', which is more than one word; write multi-word wordings as separate phrases",
        ])
        #expect(try problems(["memory"], synonyms: "synonyms:\n  - [address space, memory]\n") == [
            "p.yaml:3:5: synonym 'address space' must be exactly one word (write longer wordings as phrases)",
        ])
    }

    @Test func windowSmallerThanThePhrase() throws {
        let yaml = """
        assignment: a
        questions:
          - id: Q
            kind: prose
            points: 1
            concepts:
              - id: c
                points: 1
                feedback: x
                phrases:
                  - {text: pool reuses the workers, window: 2}
        """
        let rubric = try RubricParser.parse(yaml: yaml, file: "w.yaml")
        #expect(ConceptScorer.diagnostics(for: rubric).map(\.description) == [
            "w.yaml:11:20: window 2 is smaller than the 3 words of phrase 'pool reuses the workers'; it can never match",
        ])
    }

    @Test func loadReportsStructuralAndPhraseProblemsTogether() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mixed-\(getpid()).yaml").path
        let yaml = """
        assignment: a
        questions:
          - id: Q1
            kind: prose
            points: 1
            concepts:
              - {id: a, points: 1, phrases: ["the of"], feedback: x, colour: red}
              - {id: b, points: 1, phrases: ["not"], feedback: y}
        """
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try ConceptScorer.load(path: path)
            Issue.record("expected errors")
        } catch {
            #expect(error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" } == [
                "7:38: phrase 'the of' has only common words, which matching ignores; it can never match",
                "7:62: unknown key 'colour' in a concept; expected one of: id, points, required, phrases, window, any_order, feedback, unless",
                "8:38: phrase 'not' is entirely negated: negated words never count as evidence, so it can never match; state the idea positively",
            ])
        }
    }

    @Test func loadReportsStructuralAndPhraseProblemsFromTheFile() throws {
        let scorer = try ConceptScorer.load(path: packageRoot.appendingPathComponent("rubrics/multiprocessing.yaml").path)
        #expect(scorer.rubric.questions.map(\.id) == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"])
        #expect(ConceptScorer.diagnostics(for: scorer.rubric).isEmpty)
    }
}
