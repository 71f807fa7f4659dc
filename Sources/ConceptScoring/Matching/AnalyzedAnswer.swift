/// An answer prepared for matching: cleaned, split into sentences, tokenised, with each
/// token's negation scope and its matches against the rubric's words worked out once.
struct AnalyzedAnswer {
    struct Sentence {
        var text: String
        var characters: [Character]
        var tokens: [Token]
        /// For each token, the index of the negation word whose scope covers it.
        var negatedBy: [Int?]
        /// Where each rubric word (lexicon id) occurs in the sentence, and how it matched, in
        /// position order: phrases look up their words instead of scanning every token.
        var positionsByWord: [Int: [(position: Int, kind: MatchKind)]]
        /// Where each negation word occurs.
        var negationPositions: [String: [Int]]

        func quote(from first: Int, to last: Int) -> String {
            String(characters[tokens[first].start..<tokens[last].end])
        }
    }

    var sentences: [Sentence]
    var wordCount: Int
    /// The sentences each rubric word occurs in, so a phrase visits only sentences that hold
    /// one of its first slot's words.
    var sentencesByWord: [Int: [Int]] = [:]
    var sentencesByNegation: [String: [Int]] = [:]

    init(text: String, lexicon: Lexicon, tokenizer: Tokenizer = Tokenizer()) {
        var memo: [String: [Int: MatchKind]] = [:]
        var stems: [String: String] = [:]
        var count = 0
        sentences = SentenceSplitter.sentences(in: TextNormalizer.clean(text)).map { sentence in
            let tokens = tokenizer.tokens(in: sentence, stemCache: &stems)
            count += tokens.filter { $0.folded != "n't" }.count
            var positionsByWord: [Int: [(position: Int, kind: MatchKind)]] = [:]
            var negationPositions: [String: [Int]] = [:]
            for (position, token) in tokens.enumerated() {
                let found: [Int: MatchKind]
                if let known = memo[token.folded] {
                    found = known
                } else {
                    found = lexicon.matches(for: token)
                    memo[token.folded] = found
                }
                for (id, kind) in found { positionsByWord[id, default: []].append((position, kind)) }
                if FunctionWords.negations.contains(token.folded) { negationPositions[token.folded, default: []].append(position) }
            }
            return Sentence(text: sentence, characters: Array(sentence), tokens: tokens,
                            negatedBy: NegationScope.cues(for: tokens), positionsByWord: positionsByWord,
                            negationPositions: negationPositions)
        }
        wordCount = count
        for (index, sentence) in sentences.enumerated() {
            for id in sentence.positionsByWord.keys { sentencesByWord[id, default: []].append(index) }
            for word in sentence.negationPositions.keys { sentencesByNegation[word, default: []].append(index) }
        }
    }

    /// Sentences (in order) that contain a word the slot accepts.
    func sentences(containing slot: Slot) -> [Int] {
        var found: Set<Int> = []
        if slot.isNegation {
            for word in slot.negations { found.formUnion(sentencesByNegation[word] ?? []) }
        } else {
            for id in slot.words + slot.synonyms { found.formUnion(sentencesByWord[id] ?? []) }
        }
        return found.sorted()
    }
}
