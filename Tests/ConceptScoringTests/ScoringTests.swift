import Testing
import Rubrics
@testable import ConceptScoring

@Suite struct ScoringTests {
    @Test func partialCreditAddsUp() throws {
        let score = try testScorer().score(answer: "Each process has its own memory and the GIL is avoided.", for: "P")
        #expect(Set(score.earnedIDs()) == ["own-memory", "process-word", "gil"])
        #expect(score.score == 3)
        #expect(score.max == 3)
        #expect(score.limits.isEmpty)
    }

    @Test func scoreIsCappedAtTheQuestionsPoints() throws {
        let score = try testScorer().score(answer: "Each process has its own memory, multithreading differs, the GIL matters, multiple CPUs.", for: "P")
        #expect(score.earned.reduce(0) { $0 + $1.points } > 3)
        #expect(score.score == 3)
        #expect(score.limits == [.capped])
    }

    @Test func missingRequiredConceptHoldsTheScore() throws {
        // Without own-memory (required), the score is held at required_cap = 1.5.
        let score = try testScorer().score(answer: "A process avoids the GIL, unlike multithreading code.", for: "P")
        #expect(Set(score.earnedIDs()) == ["process-word", "gil", "multithreading"])
        #expect(score.score == 1.5)
        #expect(score.limits == [.requiredMissing])
        #expect(score.feedback.contains { $0.hasPrefix("Missing (required) 'own memory'") })
    }

    @Test func misconceptionsSubtractAfterTheCapAndNeverBelowZero() throws {
        let capped = try testScorer().score(answer: "Each process has its own memory, multithreading differs, the GIL matters. Threads have separate memory too.", for: "P")
        #expect(capped.misconceptions.map(\.id) == ["threads-separate-memory"])
        #expect(capped.score == 2)
        let floor = try testScorer().score(answer: "Honestly I think threads have separate memory.", for: "P")
        #expect(floor.score == 0)
    }

    @Test func shortAnswersEarnNothing() throws {
        let score = try testScorer().score(answer: "own memory, GIL", for: "P")
        #expect(score.wordCount == 3)
        #expect(score.score == 0)
        #expect(score.earned.isEmpty)
        #expect(score.limits == [.tooShort])
        #expect(score.feedback.first == "Too short to mark: 3 words, at least 4 needed.")
        let enough = try testScorer().score(answer: "own memory and GIL", for: "P")
        #expect(enough.score > 0)
    }

    @Test func emptyAnswer() throws {
        let score = try testScorer().score(answer: "", for: "R")
        #expect(score.score == 0 && score.wordCount == 0)
        #expect(score.missing.count == 2)
    }

    @Test func unknownOrCodeQuestionsThrow() throws {
        let scorer = try testScorer()
        #expect(throws: ScoringError.unknownQuestion("Z")) { try scorer.score(answer: "x", for: "Z") }
        #expect(throws: ScoringError.noProse("C")) { try scorer.score(answer: "x", for: "C") }
    }

    @Test func scoringIsDeterministic() throws {
        let answer = "Each process has its own memory; multithreading shares it. Processes dodge the GIL on multiple cores."
        let first = try testScorer().score(answer: answer, for: "P")
        for _ in 0..<5 {
            #expect(try testScorer().score(answer: answer, for: "P") == first)
        }
    }

    @Test func feedbackQuotesEarnedAndExplainsMissing() throws {
        let score = try testScorer().score(answer: "Every process gets separate memory. Threads don't have separate memory though.", for: "P")
        #expect(score.feedback.contains("Found 'own memory' (+1 point): \"separate memory\""))
        #expect(score.feedback.contains("Missing 'gil' (1 point): Mention the GIL."))
        let negatedOnly = try testScorer().score(answer: "Threads don't have separate memory, as we know.", for: "P")
        #expect(negatedOnly.feedback.contains { $0.contains("\"separate memory\" is negated by \"n't\"") })
        let wrong = try testScorer().score(answer: "We saw that threads have separate memory here.", for: "P")
        #expect(wrong.feedback.contains("Misconception (-1 point): \"threads have separate memory\": Threads share memory."))
    }

    @Test func proseScoreIsCodable() throws {
        let score = try testScorer().score(answer: "Each process has its own memory.", for: "P")
        let data = try JSONEncoder().encode(score)
        #expect(try JSONDecoder().decode(ProseScore.self, from: data) == score)
    }
}

import Foundation
