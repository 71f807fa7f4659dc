/// A rubric: how one assignment's questions are marked.
///
/// Built by `RubricParser` from YAML (see `rubrics/FORMAT.md`); every element keeps the location
/// it came from so later checks (such as ConceptScoring's "this phrase can never match") can
/// report `file:line:column` too.
public struct Rubric: Sendable, Codable, Hashable {
    /// The assignment this rubric marks (e.g. "multiprocessing").
    public var assignment: String
    public var title: String?
    /// Groups of words that mean the same thing wherever they appear in a phrase.
    public var synonyms: [SynonymGroup]
    public var questions: [RubricQuestion]
    /// The file the rubric was read from (as given to the parser).
    public var file: String

    public init(assignment: String, title: String? = nil, synonyms: [SynonymGroup] = [],
                questions: [RubricQuestion], file: String = "<memory>") {
        self.assignment = assignment
        self.title = title
        self.synonyms = synonyms
        self.questions = questions
        self.file = file
    }

    public func question(_ id: String) -> RubricQuestion? { questions.first { $0.id == id } }

    /// The most the whole assignment can earn.
    public var totalPoints: Double { questions.reduce(0) { $0 + $1.points } }
}

/// Words an author declares equivalent ("cpu", "processor", "core").
public struct SynonymGroup: Sendable, Codable, Hashable {
    public var words: [String]
    public var location: SourceLocation

    public init(words: [String], location: SourceLocation) {
        self.words = words
        self.location = location
    }
}
