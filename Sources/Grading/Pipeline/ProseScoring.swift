import Reports

/// Scores a prose answer against the rubric's concepts. ConceptScoring implements it
/// (`ProseScoring+ConceptScorer.swift`); tests use canned scores.
public protocol ProseScoring: Sendable {
    func score(answer: String, questionID: String) throws -> ProseOutcome
}

/// A prose answer's score with the evidence reports show.
public struct ProseOutcome: Sendable, Equatable {
    public var score: Double
    public var max: Double
    public var concepts: ConceptResults
    public var feedback: [String]

    public init(score: Double, max: Double, concepts: ConceptResults = ConceptResults(), feedback: [String] = []) {
        self.score = score
        self.max = max
        self.concepts = concepts
        self.feedback = feedback
    }
}
