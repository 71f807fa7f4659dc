/// Which tokens of a sentence are negated.
///
/// A negation word (not, no, never, n't, without, neither, nor, none, ...) negates the tokens
/// after it up to the end of its clause: the next comma, semicolon, colon, bracket, spaced
/// dash, or clause-starting word ("but", "whereas", "and", "because", ...). "not only" is not a
/// negation ("not only faster but also safer").
///
/// Why clause-bounded: "threads do not have separate memory" must not earn "separate memory",
/// but "threads do not have separate memory, whereas processes have separate memory" must.
public enum NegationScope {
    /// For each token, the index of the negation word whose scope covers it, or nil.
    public static func cues(for tokens: [Token]) -> [Int?] {
        var result = [Int?](repeating: nil, count: tokens.count)
        var activeCue: Int?
        for (index, token) in tokens.enumerated() {
            if token.clauseBreakBefore || FunctionWords.clauseStarters.contains(token.folded) {
                activeCue = nil
            }
            if isNegation(at: index, in: tokens) {
                activeCue = index
                continue
            }
            result[index] = activeCue
        }
        return result
    }

    static func isNegation(at index: Int, in tokens: [Token]) -> Bool {
        guard FunctionWords.negations.contains(tokens[index].folded) else { return false }
        if tokens[index].folded == "not", index + 1 < tokens.count, tokens[index + 1].folded == "only" {
            return false
        }
        return true
    }
}
