/// How many single edits turn one word into another: insertions, deletions, substitutions and
/// swaps of two neighbouring letters (optimal string alignment, the restricted
/// Damerau–Levenshtein distance). One implementation for every "did you mean" and for the
/// typo tolerance of prose matching, which all live at or above this layer.
public enum EditDistance {
    /// The distance between `a` and `b`; once every alignment costs more than `limit`, gives up
    /// and returns `limit + 1` (callers that only ask "within k edits?" stop early).
    public static func optimalStringAlignment<Element: Equatable>(_ a: [Element], _ b: [Element], limit: Int = Int.max - 1) -> Int {
        if a.isEmpty { return min(b.count, limit + 1) }
        if b.isEmpty { return min(a.count, limit + 1) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    /// The same for strings, letter by letter.
    public static func optimalStringAlignment(_ a: String, _ b: String) -> Int {
        optimalStringAlignment(Array(a), Array(b))
    }
}
