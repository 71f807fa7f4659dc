/// An idea an answer can express. In `concepts` it earns `points` (> 0); in `misconceptions`
/// it is a wrong idea and `points` is negative (what spotting it takes away).
public struct Concept: Sendable, Codable, Hashable {
    public var id: String
    public var points: Double
    /// A required concept missing caps the question at `RubricQuestion.requiredCap`.
    public var required: Bool
    /// Any one of these phrases expresses the concept.
    public var phrases: [Phrase]
    /// For a concept: the hint shown when it is missing. For a misconception: the correction
    /// shown when it is spotted.
    public var feedback: String
    /// Phrases that cancel a match when they occur just before it or inside it (up to three
    /// words before): a misconception "processes share memory" written `unless: [thread]`
    /// ignores "threads within a process share memory".
    public var unless: [Phrase]
    public var location: SourceLocation

    public init(id: String, points: Double, required: Bool = false, phrases: [Phrase],
                feedback: String, unless: [Phrase] = [], location: SourceLocation) {
        self.id = id
        self.points = points
        self.required = required
        self.phrases = phrases
        self.unless = unless
        self.feedback = feedback
        self.location = location
    }
}

/// One way of saying a concept: words in order, each word possibly a set of alternatives
/// written `a|b|c` ("separate|own memory"). Matching is by stem, synonym and typo; see
/// ConceptScoring.
public struct Phrase: Sendable, Codable, Hashable {
    public var text: String
    /// The most words the match may span, first to last, gaps included; `nil` uses the
    /// matcher's default (the phrase's own length plus 3).
    public var window: Int?
    /// Whether the words may come in any order.
    public var anyOrder: Bool
    public var location: SourceLocation

    public init(_ text: String, window: Int? = nil, anyOrder: Bool = false, location: SourceLocation) {
        self.text = text
        self.window = window
        self.anyOrder = anyOrder
        self.location = location
    }
}
