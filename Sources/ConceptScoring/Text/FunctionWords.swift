/// Small closed word lists the matcher needs.
public enum FunctionWords {
    /// Words a rubric phrase may contain for readability but that need not appear in an answer
    /// ("its own memory space" matches "own memory space"). Deliberately short: words that carry
    /// meaning in this subject ("own", "same", "each", "separate", "single", "multiple", "all",
    /// "between", "more") are not here, and neither are negations.
    public static let stopwords: Set<String> = [
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "as", "from", "into",
        "is", "are", "was", "were", "be", "been", "being", "am",
        "it", "its", "this", "that", "these", "those", "which", "who", "whom", "whose",
        "and", "or", "so", "than", "then", "there", "their", "theirs", "they", "them",
        "we", "us", "our", "you", "your", "i", "me", "my", "he", "she", "his", "her", "him",
        "do", "does", "did", "has", "have", "had", "having",
        "can", "could", "would", "should", "will", "shall", "may", "might", "must",
        "also", "very", "just", "such", "some", "any", "what", "when", "where", "how", "why",
        "about", "up", "if", "because", "while", "s",
    ]

    /// Words that negate what follows them in the same clause. "n't" comes from the tokenizer
    /// ("don't" → "do" "n't"), "cannot" arrives as "can" "not".
    public static let negations: Set<String> = [
        "not", "no", "never", "n't", "without", "neither", "nor", "none", "nothing", "nobody", "nowhere",
    ]

    /// Words that start a new clause and so end a negation's scope ("threads do not have their
    /// own memory, but share the process's memory": "share" is not negated).
    public static let clauseStarters: Set<String> = [
        "but", "whereas", "while", "although", "though", "however", "yet", "unlike", "instead",
        "and", "because", "since", "so", "which", "whereby", "hence", "therefore", "thus", "rather",
    ]
}
