import Rubrics

/// One position of a phrase: the words that may fill it.
struct Slot: Sendable {
    /// Lexicon ids: the first is the phrase's own word, the rest its `a|b` alternatives.
    var words: [Int]
    /// Lexicon ids of synonyms from the rubric's synonym groups.
    var synonyms: [Int]
    /// A negation written in the phrase ("no shared memory"): matches negation words only.
    var negations: Set<String>
    /// The slot as written, for evidence.
    var display: String

    var isNegation: Bool { !negations.isEmpty }
}

/// A rubric phrase ready for matching.
struct CompiledPhrase: Sendable {
    var phrase: Phrase
    var slots: [Slot]
    /// The most tokens a match may span, first matched word to last.
    var window: Int
    var anyOrder: Bool

    /// The default window: the phrase's words plus three words of filler ("own memory space"
    /// also matches "own separate private memory space").
    static func defaultWindow(slotCount: Int) -> Int { slotCount + 3 }
}

/// Compiles rubric phrases, and finds those that can never match.
struct PhraseCompiler {
    private(set) var lexicon = Lexicon()
    private(set) var diagnostics: [RubricDiagnostic] = []
    let tokenizer = Tokenizer()

    /// Registers the rubric's synonym groups (first, so phrase words can find their group).
    mutating func addSynonyms(_ groups: [SynonymGroup]) {
        for group in groups {
            var ids: [Int] = []
            for word in group.words {
                let tokens = tokenizer.tokens(in: TextNormalizer.clean(word))
                guard tokens.count == 1, let token = tokens.first else {
                    diagnostics.append(RubricDiagnostic("synonym '\(word)' must be exactly one word (write longer wordings as phrases)", at: group.location))
                    continue
                }
                ids.append(lexicon.add(folded: token.folded, stem: token.stem))
            }
            lexicon.addGroup(ids)
        }
    }

    /// The phrase compiled, or nil (with a diagnostic) when it can never match.
    mutating func compile(_ phrase: Phrase) -> CompiledPhrase? {
        var slots: [Slot] = []
        var sawContent = false, sawNegation = false, sawAnything = false
        for group in phrase.text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            let alternatives = group.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if alternatives.count > 1 {
                guard let slot = alternativeSlot(alternatives, phrase: phrase) else { return nil }
                sawAnything = true
                if slot.isNegation {
                    sawNegation = true
                    slots.append(slot)
                } else if !slot.words.isEmpty {
                    sawContent = true
                    slots.append(slot)
                }
                continue
            }
            for token in tokenizer.tokens(in: TextNormalizer.clean(String(group))) {
                sawAnything = true
                if FunctionWords.negations.contains(token.folded) {
                    sawNegation = true
                    slots.append(Slot(words: [], synonyms: [], negations: Self.negationForms(token.folded), display: token.text))
                } else if FunctionWords.stopwords.contains(token.folded) {
                    continue
                } else {
                    sawContent = true
                    slots.append(slot(for: [token], display: token.text))
                }
            }
        }
        guard sawAnything else {
            return fail("phrase '\(phrase.text)' is empty after normalisation; it can never match", phrase)
        }
        guard sawContent else {
            if sawNegation {
                return fail("phrase '\(phrase.text)' is entirely negated: negated words never count as evidence, so it can never match; state the idea positively", phrase)
            }
            return fail("phrase '\(phrase.text)' has only common words, which matching ignores; it can never match", phrase)
        }
        let window = phrase.window ?? CompiledPhrase.defaultWindow(slotCount: slots.count)
        if window < slots.count {
            return fail("window \(window) is smaller than the \(slots.count) words of phrase '\(phrase.text)'; it can never match", phrase)
        }
        return CompiledPhrase(phrase: phrase, slots: slots, window: window, anyOrder: phrase.anyOrder)
    }

    /// A slot written `a|b|c`: each alternative must be one word.
    private mutating func alternativeSlot(_ alternatives: [String], phrase: Phrase) -> Slot? {
        var tokens: [Token] = []
        var negations: Set<String> = []
        for alternative in alternatives {
            let found = tokenizer.tokens(in: TextNormalizer.clean(alternative))
            guard found.count == 1, let token = found.first else {
                let problem = found.isEmpty ? "an empty alternative" : "alternative '\(alternative)', which is more than one word"
                diagnostics.append(RubricDiagnostic("phrase '\(phrase.text)' has \(problem); write multi-word wordings as separate phrases", at: phrase.location))
                return nil
            }
            if FunctionWords.negations.contains(token.folded) {
                negations.formUnion(Self.negationForms(token.folded))
            } else {
                tokens.append(token)
            }
        }
        if !negations.isEmpty, !tokens.isEmpty {
            diagnostics.append(RubricDiagnostic("phrase '\(phrase.text)' mixes negations and other words as alternatives", at: phrase.location))
            return nil
        }
        if !negations.isEmpty { return Slot(words: [], synonyms: [], negations: negations, display: alternatives.joined(separator: "|")) }
        let content = tokens.filter { !FunctionWords.stopwords.contains($0.folded) }
        // An all-stopword group ("the|a") is optional filler, like any stopword.
        if content.isEmpty { return Slot(words: [], synonyms: [], negations: [], display: "") }
        return slot(for: tokens, display: alternatives.joined(separator: "|"))
    }

    private mutating func slot(for tokens: [Token], display: String) -> Slot {
        let ids = tokens.map { lexicon.add(folded: $0.folded, stem: $0.stem) }
        return Slot(words: ids, synonyms: [], negations: [], display: display)
    }

    /// Fills in synonyms once all words are known (groups may mention words phrases use later).
    mutating func resolveSynonyms(_ phrases: inout [CompiledPhrase]) {
        for p in phrases.indices {
            for s in phrases[p].slots.indices {
                let words = phrases[p].slots[s].words
                var synonyms: [Int] = []
                for id in words { synonyms += lexicon.synonyms(of: id) }
                phrases[p].slots[s].synonyms = synonyms.filter { !words.contains($0) }
            }
        }
    }

    /// "not" and "n't" are the same negation.
    static func negationForms(_ word: String) -> Set<String> {
        word == "not" || word == "n't" ? ["not", "n't"] : [word]
    }

    private mutating func fail(_ message: String, _ phrase: Phrase) -> CompiledPhrase? {
        diagnostics.append(RubricDiagnostic(message, at: phrase.location))
        return nil
    }
}
