import Testing
@testable import Rubrics

@Suite struct RubricValidatorTests {
    @Test func duplicateIds() {
        #expect(diagnostics(ofFixture: "duplicate-ids") == [
            "11:9: duplicate concept id 'a' in question Q1 (first used at line 7)",
            "15:5: duplicate question id 'Q1' (first used at line 3)",
        ])
    }

    @Test func pointsThatDoNotAddUp() {
        #expect(diagnostics(ofFixture: "points") == [
            "11:9: concept 'b' is worth 4, more than question Q1's cap of 3",
            "16:9: misconception 'm' must have negative points (what spotting it takes away)",
            "20:5: question Q2: prose_points (2) must be more than 0 and less than points (2); the rest is the code part",
            "33:9: question Q3: checks add up to 1.5 points but the code part is worth 2",
            "35:5: question Q4: concept points add up to 0.5, less than the 2 a complete answer should earn",
        ])
    }

    @Test func capAndRequiredCapRules() throws {
        let yaml = """
        assignment: a
        questions:
          - id: Q1
            kind: prose
            points: 2
            cap: 3
            required_cap: 5
            concepts:
              - {id: a, points: 2, required: true, phrases: [memory], feedback: x}
              - {id: b, points: 1, phrases: [cpu], feedback: y, window: 0}
        """
        do {
            _ = try RubricParser.parse(yaml: yaml, file: "c.yaml")
            Issue.record("expected errors")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "c.yaml:3:5: question Q1: cap (3) must be more than 0 and at most the prose part's 2 points",
                "c.yaml:3:5: question Q1: required_cap (5) must be at least 0 and less than the cap (3)",
                "c.yaml:10:38: window must be at least 1 word",
            ])
        }
    }

    @Test func defaultRequiredCapIsHalfTheCapRoundedDownToAHalfPoint() {
        #expect(RubricQuestion.defaultRequiredCap(for: 3) == 1.5)
        #expect(RubricQuestion.defaultRequiredCap(for: 2.5) == 1)
        #expect(RubricQuestion.defaultRequiredCap(for: 1) == 0.5)
    }

    @Test func synonymWordInTwoGroups() {
        let yaml = """
        assignment: a
        synonyms:
          - [cpu, core]
          - [core, processor]
        questions:
          - {id: Q1, kind: code, points: 1}
        """
        do {
            _ = try RubricParser.parse(yaml: yaml, file: "s.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "s.yaml:4:5: 'core' is already in the synonym group at line 3; merge the groups",
            ])
        }
    }

    @Test func editDistance() {
        #expect(EditDistance.optimalStringAlignment("ponits", "points") == 1)
        #expect(EditDistance.optimalStringAlignment("feedbak", "feedback") == 1)
        #expect(EditDistance.optimalStringAlignment("", "abc") == 3)
        // Past the limit it stops early and answers limit + 1.
        #expect(EditDistance.optimalStringAlignment(Array("multiprocessing"), Array("threads"), limit: 2) == 3)
        #expect(EditDistance.optimalStringAlignment(Array("proccess"), Array("process"), limit: 1) == 1)
        #expect(KeySuggestion.nearest(to: "colour", in: ["id", "points"]) == nil)
        #expect(KeySuggestion.nearest(to: "any-order", in: ["any_order", "window"]) == "any_order")
    }
}
