/// How one answer word matched one rubric word.
public enum MatchKind: String, Sendable, Codable, Hashable, Comparable {
    /// The same word.
    case exact
    /// The same Snowball stem ("processes" for "process").
    case stem
    /// A listed alternative (`a|b`) or a word from the rubric's synonym groups.
    case synonym
    /// Within the typo budget (see `TypoTolerance`).
    case typo

    /// Lower is a better match; used to choose between candidate matches.
    var rank: Int {
        switch self {
        case .exact: return 0
        case .stem: return 1
        case .synonym: return 2
        case .typo: return 3
        }
    }

    public static func < (lhs: MatchKind, rhs: MatchKind) -> Bool { lhs.rank < rhs.rank }
}

/// One matched word: what the student wrote, the rubric word it stands for, and how it matched.
public struct TokenEvidence: Sendable, Codable, Hashable {
    public var written: String
    public var rubricWord: String
    public var kind: MatchKind
    /// True when this word came earlier in the answer than the phrase order (word-order freedom).
    public var reordered: Bool
}

/// Why a concept (or misconception) was found: the sentence, the student's words, and how each
/// matched the rubric phrase.
public struct MatchEvidence: Sendable, Codable, Hashable {
    /// The whole sentence, as the student wrote it (after cleaning).
    public var sentence: String
    /// The student's words from the first matched word to the last.
    public var quote: String
    /// The rubric phrase that matched.
    public var phrase: String
    public var tokens: [TokenEvidence]
    /// The words came in a different order from the phrase (allowed by `any_order`).
    public var reordered: Bool
    /// The match lies in the scope of a negation ("not", "n't", "without", ...), so it does not
    /// count; `negatedBy` is the negation word.
    public var negatedBy: String?

    public var isNegated: Bool { negatedBy != nil }
}
