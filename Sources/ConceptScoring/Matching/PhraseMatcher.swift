/// Finds a compiled phrase in an analysed answer.
///
/// A match puts one distinct answer token on every slot of the phrase, all in one sentence
/// (never across sentences), spanning at most `window` tokens, in the phrase's order unless the
/// phrase allows any order. Among all matches the best is kept: not negated, then the shortest
/// span, then the best word matches (exact < stem < synonym < typo), then in order, then the
/// earliest. The choice is deterministic.
struct PhraseMatcher {
    let lexicon: Lexicon

    /// How far before a match an `unless` phrase still cancels it ("threads within a process
    /// share memory": "threads" comes two words before "process share memory").
    static let unlessReach = 3

    /// The best non-negated match, and (when there is none) the best negated one, for feedback.
    /// Matches are cancelled where one of `unless` matches from `unlessReach` tokens before the
    /// match to its last token: the context that says who or what the match is about.
    func bestMatch(of phrase: CompiledPhrase, in answer: AnalyzedAnswer, unless: [CompiledPhrase] = []) -> (match: MatchEvidence?, negated: MatchEvidence?) {
        var best: (key: [Int], evidence: MatchEvidence)?
        var bestNegated: (key: [Int], evidence: MatchEvidence)?
        guard let firstSlot = phrase.slots.first else { return (nil, nil) }
        for sentenceIndex in answer.sentences(containing: firstSlot) {
            let sentence = answer.sentences[sentenceIndex]
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
                // Adjacent, exact and in order: no later sentence can do better.
                if found.span == phrase.slots.count, found.quality == 0, !found.reordered { break }
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
        if slot.isNegation {
            return slot.negations.sorted().flatMap { sentence.negationPositions[$0] ?? [] }.sorted().map { ($0, .exact, nil) }
        }
        // The best way each position matches any of the slot's words.
        var best: [Int: (kind: MatchKind, word: Int)] = [:]
        func offer(_ hits: [(position: Int, kind: MatchKind)]?, id: Int, asSynonym: Bool) {
            for hit in hits ?? [] {
                let kind: MatchKind = asSynonym && hit.kind != .typo ? .synonym : hit.kind
                if let current = best[hit.position], current.kind <= kind { continue }
                best[hit.position] = (kind, id)
            }
        }
        for (index, id) in slot.words.enumerated() { offer(sentence.positionsByWord[id], id: id, asSynonym: index > 0) }
        for id in slot.synonyms { offer(sentence.positionsByWord[id], id: id, asSynonym: true) }
        return best.keys.sorted().compactMap { position in best[position].map { (position, $0.kind, $0.word) } }
    }

    /// The best assignment of tokens to slots in one sentence (negated ones ranked last) among
    /// those `accept` allows.
    func bestAssignment(of phrase: CompiledPhrase, in sentence: AnalyzedAnswer.Sentence,
                        where accept: (Assignment) -> Bool = { _ in true }) -> Assignment? {
        let perSlot = phrase.slots.map { candidates(for: $0, in: sentence) }
        guard perSlot.allSatisfy({ !$0.isEmpty }) else { return nil }
        var best: Assignment?
        var chosen: [(position: Int, kind: MatchKind, word: Int?)] = []
        // Bounds the work on pathological sentences (thousands of repeats of one word); real
        // sentences need a few hundred steps.
        var budget = 200_000

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
            if slot == perSlot.count { consider(); return }
            // Only positions that keep the span within the window (and, in order, after the
            // previous word) can extend the match; candidates are sorted by position.
            var first = chosen.isEmpty ? 0 : high - phrase.window + 1
            if !phrase.anyOrder, let last = chosen.last { first = max(first, last.position + 1) }
            let limit = chosen.isEmpty ? Int.max : low + phrase.window - 1
            let candidates = perSlot[slot]
            var index = Self.firstIndex(in: candidates, atOrAfter: first)
            while index < candidates.count, candidates[index].position <= limit {
                let candidate = candidates[index]
                index += 1
                guard budget > 0 else { return }
                budget -= 1
                if chosen.contains(where: { $0.position == candidate.position }) { continue }
                let newLow = min(low, candidate.position), newHigh = max(high, candidate.position)
                chosen.append(candidate)
                search(slot + 1, low: newLow, high: newHigh)
                chosen.removeLast()
            }
        }
        search(0, low: Int.max, high: Int.min)
        return best
    }

    /// Binary search: the first candidate at or after `position`.
    static func firstIndex(in candidates: [(position: Int, kind: MatchKind, word: Int?)], atOrAfter position: Int) -> Int {
        var low = 0, high = candidates.count
        while low < high {
            let middle = (low + high) / 2
            if candidates[middle].position < position { low = middle + 1 } else { high = middle }
        }
        return low
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
