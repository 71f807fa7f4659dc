/// A concept (or misconception) of the rubric and what the answer showed of it.
public struct ConceptResult: Sendable, Codable, Hashable {
    public var id: String
    /// The rubric's points for it (negative for a misconception).
    public var points: Double
    public var required: Bool
    /// The rubric's feedback: a hint when missing, a correction when a misconception is spotted.
    public var feedback: String
    /// Where the answer says it (nil when missing).
    public var evidence: MatchEvidence?
    /// When the answer says it only under a negation ("threads do not have separate memory"),
    /// that match, kept to explain why it did not count.
    public var negatedEvidence: MatchEvidence?
}

/// Why a prose score is lower than the concepts found would suggest.
public enum ScoreLimit: String, Sendable, Codable, Hashable {
    /// Fewer words than the question's `min_words`: the answer earns nothing.
    case tooShort
    /// A required concept is missing: the score is held at `required_cap`.
    case requiredMissing
    /// The concepts found add up to more than the cap.
    case capped
}

/// The score of one prose answer, with everything needed to explain it.
public struct ProseScore: Sendable, Codable, Hashable {
    public var questionID: String
    public var score: Double
    /// The most the prose part can earn.
    public var max: Double
    public var wordCount: Int
    public var earned: [ConceptResult]
    public var missing: [ConceptResult]
    public var misconceptions: [ConceptResult]
    public var limits: [ScoreLimit]
    /// Feedback for the student, one line per point made.
    public var feedback: [String]
    /// The lines of `feedback` about the score as a whole (too short, capped, a required idea
    /// missing), for reports that show each concept in its own structured section.
    public var notes: [String] = []

    /// Ids of the concepts and misconceptions that fired, for calibration reports.
    public var firedConceptIDs: [String] { earned.map(\.id) + misconceptions.map(\.id) }
}

/// Asking for a score the rubric cannot give.
public enum ScoringError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownQuestion(String)
    case noProse(String)

    public var description: String {
        switch self {
        case .unknownQuestion(let id): return "question '\(id)' is not in the rubric"
        case .noProse(let id): return "question '\(id)' is a code question; it has no prose to score"
        }
    }
}
