import ConceptScoring
import Reports

/// Prose scoring through ConceptScoring, turned into the report model's concept results.
public struct ConceptProseScorer: ProseScoring {
    public var scorer: ConceptScorer

    public init(scorer: ConceptScorer) {
        self.scorer = scorer
    }

    public func score(answer: String, questionID: String) throws -> ProseOutcome {
        let score = try scorer.score(answer: answer, for: questionID)
        let concepts = ConceptResults(
            earned: score.earned.map { concept in
                EarnedConcept(id: concept.id, points: concept.points, quote: concept.evidence?.quote ?? "", match: Self.describe(concept.evidence))
            },
            missing: score.missing.map { MissingConcept(id: $0.id, points: $0.points, hint: $0.feedback) },
            misconceptions: score.misconceptions.map { Misconception(id: $0.id, points: abs($0.points), quote: $0.evidence?.quote ?? "") }
        )
        // Each concept reaches the reports through `concepts` (quote, hint, how it matched);
        // the flat feedback keeps only what is said of the answer as a whole, so no report
        // shows a concept twice.
        return ProseOutcome(score: score.score, max: score.max, concepts: concepts, feedback: score.notes)
    }

    /// How a concept matched, in words: `exact`, `stem "processes"`, `typo "proccess"`, ...
    static func describe(_ evidence: MatchEvidence?) -> String {
        guard let evidence else { return "" }
        let loosest = evidence.tokens.map(\.kind).max() ?? .exact
        var text: String
        switch loosest {
        case .exact: text = "exact"
        case .stem: text = "word form"
        case .synonym: text = "synonym"
        case .typo: text = "typo tolerated"
        }
        if evidence.reordered { text += ", reordered" }
        return text + " (\"\(evidence.phrase)\")"
    }
}
