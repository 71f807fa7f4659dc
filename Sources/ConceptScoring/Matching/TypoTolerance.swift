import Rubrics

/// When a misspelt word still counts as the rubric's word.
///
/// The rule (also in `rubrics/FORMAT.md`):
/// - words of 4 letters or fewer never match by typo ("core"/"code", "pool"/"tool" differ in one
///   letter but mean different things);
/// - 5 to 7 letters: one edit; 8 or more: two edits; an edit is an insertion, deletion,
///   substitution, or swap of two neighbouring letters (Damerau–Levenshtein, restricted form);
/// - the first letter must be right (people rarely misspell it, and it keeps "memory" from
///   matching "theory"-like accidents);
/// - a word that is itself one of the rubric's words (or a stopword) is never taken as a typo
///   of a different rubric word: "processor" does not match "process", "threat" is free to
///   match "thread" only because "threat" is not a rubric word.
public enum TypoTolerance {
    public static let minimumLength = 5

    /// Edits allowed for a rubric word of this length.
    public static func budget(forLength length: Int) -> Int {
        switch length {
        case ..<minimumLength: return 0
        case minimumLength...7: return 1
        default: return 2
        }
    }

    /// Whether `written` is within the typo budget of `intended` (both case-folded).
    public static func isTypo(_ written: String, of intended: String) -> Bool {
        let writtenLength = written.unicodeScalars.count, intendedLength = intended.unicodeScalars.count
        let budget = budget(forLength: intendedLength)
        guard writtenLength >= minimumLength, budget > 0, abs(writtenLength - intendedLength) <= budget,
              written.unicodeScalars.first == intended.unicodeScalars.first, written != intended else { return false }
        let a = Array(written.unicodeScalars), b = Array(intended.unicodeScalars)
        return EditDistance.optimalStringAlignment(a, b, limit: budget) <= budget
    }

    /// A typo between stems ("proccesses" → "proccess" vs "process"), counted only when the
    /// whole words are also within the budget in length, so a short stem cannot make a long
    /// derived word ("application" → "applic") a typo of a short one ("apply" → "appli").
    static func isStemTypo(_ token: Token, of entry: Lexicon.Entry) -> Bool {
        let budget = budget(forLength: entry.folded.unicodeScalars.count)
        guard abs(token.folded.unicodeScalars.count - entry.folded.unicodeScalars.count) <= budget else { return false }
        return isTypo(token.stem, of: entry.stem)
    }
}
