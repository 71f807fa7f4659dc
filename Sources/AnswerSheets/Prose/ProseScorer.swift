/// Tells a sentence from a line of program output.
///
/// Output is terse (`Square: 100`, `Process has finished.`, `Worker 1 is running`); prose uses
/// many different function words ("this code will create a pool of 4 processes"). Counting
/// *distinct* function words keeps repeated output (`... is running ... is running`) out.
enum ProseScorer {
    static let functionWords: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "is", "are", "was", "were", "be", "been",
        "will", "would", "can", "could", "should", "may", "might", "must", "of", "to", "in", "on",
        "for", "with", "by", "from", "as", "at", "and", "or", "but", "if", "then", "so", "because",
        "which", "who", "what", "when", "where", "why", "how", "it", "its", "we", "you", "they",
        "their", "our", "your", "each", "all", "not", "no", "do", "does", "has", "have", "here",
        "there", "than", "into", "also", "other", "more", "only", "same", "such", "them", "us",
        "i", "my", "me", "he", "she", "his", "her", "while", "whereas", "between", "about",
    ]

    /// Lines that start with prose markup are prose whatever their words.
    static func hasProseMarkup(_ text: String) -> Bool {
        let t = text.trimmingBlanks()
        for marker in ["#", ">", "- ", "* ", "• ", "\u{2022}", "\"\"\"", "'''", "**", "--->", "-->", "==>", "=>"] where t.hasPrefix(marker) {
            return true
        }
        return false
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0 == "'" || $0 == "\u{2019}") }).map { $0.lowercased() }
    }

    /// A sentence: capitalised, ending in punctuation, with a function word. Program output can
    /// look like this too ("Process has finished."), so it only counts where the code that
    /// would have printed it is known not to.
    static func isSentence(_ text: String) -> Bool {
        let t = text.trimmingBlanks()
        guard let first = t.first, first.isUppercase, let last = t.last, ".!?:".contains(last) else { return false }
        let words = words(t)
        return words.count >= 3 && words.contains { functionWords.contains($0) }
    }

    static func isProse(_ text: String) -> Bool {
        if hasProseMarkup(text) { return true }
        let words = words(text)
        guard words.count >= 4 else { return false }
        let distinct = Set(words.filter { functionWords.contains($0) }).count
        if words.count >= 6 && distinct >= 3 { return true }
        if words.count >= 10 && distinct >= 2 { return true }
        if distinct >= 2, let last = text.trimmingBlanks().last, ".:?!".contains(last) { return true }
        return false
    }
}
