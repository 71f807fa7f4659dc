/// Finds the valid key an author most likely meant ("ponits" → "points").
enum KeySuggestion {
    /// The closest of `candidates` to `key`, if close enough to be a plausible typo: at most a
    /// third of the key's length (and at least 1, at most 3) edits away.
    static func nearest(to key: String, in candidates: [String]) -> String? {
        let budget = min(3, max(1, key.count / 3))
        var best: (key: String, distance: Int)?
        for candidate in candidates {
            let distance = EditDistance.optimalStringAlignment(key.lowercased(), candidate)
            if distance <= budget, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.key
    }
}
