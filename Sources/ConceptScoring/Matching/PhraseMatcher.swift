/// Finds a compiled phrase in an analysed answer.
///
/// A match puts one distinct answer token on every slot of the phrase, all in one sentence
/// (never across sentences), spanning at most `window` tokens, in the phrase's order unless the
/// phrase allows any order. Among all matches the best is kept: not negated, then the shortest
/// span, then the best word matches (exact < stem < synonym < typo), then in order, then the
/// earliest. The choice is deterministic.
struct PhraseMatcher {
    let lexicon: Lexicon

    /// The best non-negated match, and (when there is none) the best negated one, for feedback.
    /// How far before a match an `unless` phrase still cancels it ("threads within a process
    /// share memory": "threads" comes two words before "process share memory").
    static let unlessReach = 3

    /// Matches are cancelled where one of `unless` matches from `unlessReach` tokens before the
    /// match to its last token: the context that says who or what the match is about.
    func bestMatch(of phrase: CompiledPhrase, in answer: AnalyzedAnswer, unless: [CompiledPhrase] = []) -> (match: MatchEvidence?, negated: MatchEvidence?) {
        var best: (key: [Int], evidence: MatchEvidence)?
        var bestNegated: (key: [Int], evidence: MatchEvidence)?
        for (sentenceIndex, sentence) in answer.sentences.enumerated() {
            let blockers = unless.flatMap { spans(of: $0, in: sentence) }
            let allowed: (Assignment) -> Bool = { assignment in
                let start = (assignment.positions.min() ?? 0) - Self.unlessReach
                let end = assignment.positions.max() ?? 0
                return !blockers.contains { $0.lowerBound >= start && $0.upperBound <= end }
            }
            guard let found = bestAssignment(of: phrase, in: sentence, where: allowed) else { continue }
            let key = [found.span, found.quality, found.reordered ? 1 : 0, sentenceIndex, found.positions.min() ?? 0]
            let evidence = evidence(for: found, phrase: phrase, sentence: sentence)
            if evidence.isNegated {
                if let current = bestNegated, !key.lexicographicallyPrecedes(current.key) { continue }
                bestNegated = (key, evidence)
            } else {
                if let current = best, !key.lexicographicallyPrecedes(current.key) { continue }
                best = (key, evidence)
            }
        }
        return (best?.evidence, best == nil ? bestNegated?.evidence : nil)
    }

    /// Every place (first to last token) a phrase matches in a sentence, negated or not.
    func spans(of phrase: CompiledPhrase, in sentence: AnalyzedAnswer.Sentence) -> [ClosedRange<Int>] {
        var result: Set<ClosedRange<Int>> = []
        _ = bestAssignment(of: phrase, in: sentence) { assignment in
            if let low = assignment.positions.min(), let high = assignment.positions.max() { result.insert(low...high) }
            return false
        }
        return Array(result)
    }

    struct Assignment {
        var positions: [Int]
        var kinds: [MatchKind]
        var words: [Int?]
        var span: Int
        var quality: Int
        var reordered: Bool
        var negatedBy: Int?
    }

    /// Candidate tokens for each slot with how they match.
    private func candidates(for slot: Slot, in sentence: AnalyzedAnswer.Sentence) -> [(position: Int, kind: MatchKind, word: Int?)] {
        var result: [(Int, MatchKind, Int?)] = []
        for (position, token) in sentence.tokens.enumerated() {
            if slot.isNegation {
                if slot.negations.contains(token.folded) { result.append((position, .exact, nil)) }
                continue
            }
            let matches = sentence.matches[position]
            var best: (MatchKind, Int)?
            func offer(_ kind: MatchKind, _ id: Int) {
                if let current = best, current.0 <= kind { return }
                best = (kind, id)
            }
            for (index, id) in slot.words.enumerated() {
                guard let kind = matches[id] else { continue }
                offer(index == 0 || kind == .typo ? kind : .synonym, id)
            }
            for id in slot.synonyms {
                guard let kind = matches[id] else { continue }
                offer(kind == .typo ? .typo : .synonym, id)
            }
            if let best { result.append((position, best.0, best.1)) }
        }
        return result
    }

    /// The best assignment of tokens to slots in one sentence (negated ones ranked last) among
    /// those `accept` allows.
    func bestAssignment(of phrase: CompiledPhrase, in sentence: AnalyzedAnswer.Sentence,
                        where accept: (Assignment) -> Bool = { _ in true }) -> Assignment? {
        let perSlot = phrase.slots.map { candidates(for: $0, in: sentence) }
        guard perSlot.allSatisfy({ !$0.isEmpty }) else { return nil }
        var best: Assignment?
        var chosen: [(position: Int, kind: MatchKind, word: Int?)] = []
        var budget = 20_000 // bounds the search on pathological sentences; plenty for real ones

        func consider() {
            let positions = chosen.map(\.position)
            let span = (positions.max() ?? 0) - (positions.min() ?? 0) + 1
            let quality = chosen.reduce(0) { $0 + $1.kind.rank }
            let reordered = zip(positions, positions.dropFirst()).contains { $0 > $1 }
            let negatedBy = negation(of: positions, in: sentence)
            let candidate = Assignment(positions: positions, kinds: chosen.map(\.kind), words: chosen.map(\.word),
                                       span: span, quality: quality, reordered: reordered, negatedBy: negatedBy)
            guard accept(candidate) else { return }
            guard let current = best else { best = candidate; return }
            if rankKey(candidate).lexicographicallyPrecedes(rankKey(current)) { best = candidate }
        }

        func search(_ slot: Int, low: Int, high: Int) {
            guard budget > 0 else { return }
            budget -= 1
            if slot == perSlot.count { consider(); return }
            for candidate in perSlot[slot] {
                if chosen.contains(where: { $0.position == candidate.position }) { continue }
                if !phrase.anyOrder, let last = chosen.last, candidate.position <= last.position { continue }
                let newLow = min(low, candidate.position), newHigh = max(high, candidate.position)
                if newHigh - newLow + 1 > phrase.window { continue }
                chosen.append(candidate)
                search(slot + 1, low: newLow, high: newHigh)
                chosen.removeLast()
            }
        }
        search(0, low: Int.max, high: Int.min)
        return best
    }

    private func rankKey(_ assignment: Assignment) -> [Int] {
        [assignment.negatedBy == nil ? 0 : 1, assignment.span, assignment.quality, assignment.reordered ? 1 : 0,
         assignment.positions.min() ?? 0]
    }

    /// The negation word covering any matched token, unless that negation is part of the match.
    private func negation(of positions: [Int], in sentence: AnalyzedAnswer.Sentence) -> Int? {
        for position in positions {
            if let cue = sentence.negatedBy[position], !positions.contains(cue) { return cue }
        }
        return nil
    }

    private func evidence(for assignment: Assignment, phrase: CompiledPhrase, sentence: AnalyzedAnswer.Sentence) -> MatchEvidence {
        var tokens: [TokenEvidence] = []
        var previous = -1
        for (slotIndex, position) in assignment.positions.enumerated() {
            let slot = phrase.slots[slotIndex]
            let rubricWord = assignment.words[slotIndex].map { lexicon.entries[$0].folded } ?? slot.display
            tokens.append(TokenEvidence(written: sentence.tokens[position].text, rubricWord: rubricWord,
                                        kind: assignment.kinds[slotIndex], reordered: position < previous))
            previous = max(previous, position)
        }
        let first = assignment.positions.min() ?? 0, last = assignment.positions.max() ?? 0
        return MatchEvidence(sentence: sentence.text, quote: sentence.quote(from: first, to: last),
                             phrase: phrase.phrase.text, tokens: tokens, reordered: assignment.reordered,
                             negatedBy: assignment.negatedBy.map { sentence.tokens[$0].text })
    }
}
