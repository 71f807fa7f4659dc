/// An answer prepared for matching: cleaned, split into sentences, tokenised, with each
/// token's negation scope and its matches against the rubric's words worked out once.
struct AnalyzedAnswer {
    struct Sentence {
        var text: String
        var characters: [Character]
        var tokens: [Token]
        /// For each token, the index of the negation word whose scope covers it.
        var negatedBy: [Int?]
        /// For each token, how it matches rubric words (lexicon id → kind).
        var matches: [[Int: MatchKind]]

        func quote(from first: Int, to last: Int) -> String {
            String(characters[tokens[first].start..<tokens[last].end])
        }
    }

    var sentences: [Sentence]
    var wordCount: Int

    init(text: String, lexicon: Lexicon, tokenizer: Tokenizer = Tokenizer()) {
        var memo: [String: [Int: MatchKind]] = [:]
        var count = 0
        sentences = SentenceSplitter.sentences(in: TextNormalizer.clean(text)).map { sentence in
            let tokens = tokenizer.tokens(in: sentence)
            count += tokens.filter { $0.folded != "n't" }.count
            let matches = tokens.map { token in
                if let known = memo[token.folded] { return known }
                let found = lexicon.matches(for: token)
                memo[token.folded] = found
                return found
            }
            return Sentence(text: sentence, characters: Array(sentence), tokens: tokens,
                            negatedBy: NegationScope.cues(for: tokens), matches: matches)
        }
        wordCount = count
    }
}
