import Rubrics

/// Every word the rubric's phrases and synonym groups use, indexed so each answer word is
/// compared with the rubric once (not once per phrase).
struct Lexicon: Sendable {
    struct Entry: Sendable, Hashable {
        var folded: String
        var stem: String
    }

    private(set) var entries: [Entry] = []
    /// Entry ids by first letter: typos must keep the first letter, so only these are compared.
    private var idsByInitial: [Unicode.Scalar: [Int]] = [:]
    private var idByFolded: [String: Int] = [:]
    private var idsByStem: [String: [Int]] = [:]
    /// Synonym group index for each entry id that belongs to one.
    private var groupOf: [Int: Int] = [:]
    private(set) var groups: [[Int]] = []

    /// Words that are never typos of another rubric word: the rubric's own words and stems,
    /// plus stopwords and negations.
    private var guarded: Set<String> = FunctionWords.stopwords.union(FunctionWords.negations)

    mutating func add(folded: String, stem: String) -> Int {
        if let id = idByFolded[folded] { return id }
        let id = entries.count
        entries.append(Entry(folded: folded, stem: stem))
        idByFolded[folded] = id
        idsByStem[stem, default: []].append(id)
        if let initial = folded.unicodeScalars.first { idsByInitial[initial, default: []].append(id) }
        guarded.insert(folded)
        guarded.insert(stem)
        return id
    }

    mutating func addGroup(_ ids: [Int]) {
        let index = groups.count
        groups.append(ids)
        for id in ids { groupOf[id] = index }
    }

    /// Entry ids that are synonyms of `id` (same group, or same stem as a group member).
    func synonyms(of id: Int) -> [Int] {
        var result: Set<Int> = []
        for member in idsByStem[entries[id].stem] ?? [id] {
            if let group = groupOf[member] { result.formUnion(groups[group]) }
        }
        result.remove(id)
        return result.sorted()
    }

    /// How an answer word matches each rubric word it can match: exact, stem, or typo (the
    /// caller turns a match on an alternative into "synonym").
    func matches(for token: Token) -> [Int: MatchKind] {
        var result: [Int: MatchKind] = [:]
        for id in idsByStem[token.stem] ?? [] { result[id] = .stem }
        if let id = idByFolded[token.folded] { result[id] = .exact }
        guard !guarded.contains(token.folded), !guarded.contains(token.stem), !token.isNumber else { return result }
        guard let initial = token.folded.unicodeScalars.first else { return result }
        for id in idsByInitial[initial] ?? [] where result[id] == nil {
            let entry = entries[id]
            if TypoTolerance.isTypo(token.folded, of: entry.folded) || TypoTolerance.isStemTypo(token, of: entry) {
                result[id] = .typo
            }
        }
        return result
    }
}
