/// One word of an answer or a rubric phrase.
public struct Token: Sendable, Hashable {
    /// The word as written (after cleaning), for quoting.
    public var text: String
    /// Case-folded, apostrophes kept only in the negation `n't`.
    public var folded: String
    /// The Snowball stem of `folded`.
    public var stem: String
    /// Offsets into the sentence's characters, for quoting spans.
    public var start: Int
    public var end: Int
    /// Whether a clause boundary (comma, semicolon, colon, bracket, or a dash) comes right
    /// before this token; negation scope stops there.
    public var clauseBreakBefore: Bool

    public var isNumber: Bool { folded.allSatisfy(\.isNumber) }
}
