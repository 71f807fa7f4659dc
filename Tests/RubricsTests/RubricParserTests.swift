import Foundation
import Testing
@testable import Rubrics

@Suite struct RubricParserTests {
    @Test func readsAValidRubric() throws {
        let rubric = try fixture("valid")
        #expect(rubric.assignment == "demo")
        #expect(rubric.title == "A small rubric")
        #expect(rubric.synonyms.map(\.words) == [["cpu", "processor"]])
        #expect(rubric.questions.map(\.id) == ["Q1", "Q2", "Q3"])
        #expect(rubric.totalPoints == 6)

        let q1 = try #require(rubric.question("Q1"))
        #expect(q1.kind == .prose)
        #expect(q1.proseMax == 2 && q1.cap == 2 && q1.requiredCap == 1 && q1.minWords == 3)
        #expect(q1.concepts.map(\.id) == ["own-memory", "parallel"])
        #expect(q1.concepts[0].required)
        #expect(q1.concepts[0].phrases.map(\.text) == ["own|separate memory", "memory isolated"])
        #expect(q1.concepts[0].phrases[1].window == 4 && q1.concepts[0].phrases[1].anyOrder)
        #expect(q1.concepts[0].phrases[0].location.line == 15 && q1.concepts[0].phrases[0].location.column == 13)
        #expect(q1.concepts[1].points == 1.5)
        #expect(q1.misconceptions.map(\.points) == [-0.5])
        #expect(q1.misconceptions[0].unless.map(\.text) == ["process"])
        #expect(q1.markStep == 0.5)

        let q3 = try #require(rubric.question("Q3"))
        #expect(q3.kind == .both && q3.proseMax == 1 && q3.codePoints == 1)
        #expect(q3.markStep == 1)
    }

    @Test func keepsChecksOpaqueWithLocations() throws {
        let rubric = try fixture("valid")
        let q2 = try #require(rubric.question("Q2"))
        #expect(q2.checks.count == 2)
        #expect(q2.checks[0]["runs"]?["points"]?.scalar == "1")
        #expect(q2.checks[1].location.line == 35)
        guard case .sequence(let expected, _)? = q2.checks[1]["prints"]?["expected"] else {
            Issue.record("expected a list under prints.expected")
            return
        }
        #expect(expected.compactMap(\.scalar) == ["1", "2"])
        let q3 = try #require(rubric.question("Q3"))
        #expect(q3.checks.count == 2)
    }

    @Test func malformedYAMLPointsAtTheProblem() {
        #expect(diagnostics(ofFixture: "malformed") == [
            "6:7: malformed YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 5, column 13)",
        ])
    }

    @Test func duplicateYAMLKey() {
        #expect(diagnostics(ofFixture: "duplicate-key") == ["5:5: duplicate key 'points' in the same mapping"])
    }

    @Test func emptyFile() {
        #expect(diagnostics(ofFixture: "empty") == ["1:1: the rubric is empty"])
    }

    @Test func unknownKeysSuggestTheNearestValidKey() {
        #expect(diagnostics(ofFixture: "unknown-key") == [
            "5:5: unknown key 'ponits' in a question; did you mean 'points'?",
            "10:9: unknown key 'feedbak' in a concept; did you mean 'feedback'?",
            "11:9: unknown key 'colour' in a concept; expected one of: id, points, required, phrases, window, any_order, feedback, unless",
        ])
    }

    @Test func wrongTypesAreAllReported() {
        #expect(diagnostics(ofFixture: "types") == [
            "4:11: unknown question kind 'essay' (expected one of: prose, code, both)",
            "5:13: expected a number for 'points', found \"two\"",
            "6:16: expected a whole number for 'min_words', found \"2.5\"",
            "10:19: expected true or false for 'required', found \"maybe\"",
            "11:18: expected a list for 'phrases', found \"memory\"",
            "12:19: expected text for 'feedback', found a list",
            "13:5: expected a question to be a mapping, found \"just a string\"",
        ])
    }

    @Test func keysThatDoNotFitTheKind() {
        #expect(diagnostics(ofFixture: "wrong-kind-keys") == [
            "6:5: 'concepts' is for prose; question Q1 is a code question",
            "14:5: 'checks' is for code; question Q2 is a prose question (use kind: both)",
            "21:5: question Q3 has kind: both and needs 'prose_points' (the prose part's share of its points)",
        ])
    }

    @Test func misspeltKindGetsASuggestion() {
        let yaml = "assignment: a\nquestions:\n  - {id: Q1, kind: prosee, points: 1}\n"
        #expect(throws: RubricError.self) { try RubricParser.parse(yaml: yaml, file: "k.yaml") }
        do {
            _ = try RubricParser.parse(yaml: yaml, file: "k.yaml")
        } catch {
            #expect(error.description == "k.yaml:3:20: unknown question kind 'prosee'; did you mean 'prose'?")
        }
    }

    @Test func missingFileIsAnError() {
        do {
            _ = try RubricParser.load(path: "/nonexistent/rubric.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics[0].description.hasPrefix("/nonexistent/rubric.yaml:1:1: cannot read rubric"))
        }
    }

    @Test func deeplyNestedYAMLDoesNotCrash() {
        let depth = 5_000
        let yaml = "assignment: a\nquestions:\n  - checks: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        #expect(throws: RubricError.self) { try RubricParser.parse(yaml: yaml) }
    }
}
