/// Compares a line with the assignment's question texts by their content words, so a heading
/// that repeats a question ("What is a multiprocessing pool? Why is it used?") is recognised
/// without a number, and a numbered heading's text can be told from the start of an answer.
struct QuestionTextMatcher: Sendable {
    struct Match: Equatable {
        var number: Int
        /// Share of the question's content words found in the line.
        var recall: Double
        /// Share of the line's content words that are in the question.
        var precision: Double
    }

    private let questions: [(number: Int, words: Set<String>)]

    init(assignment: Assignment) {
        questions = assignment.questions.map { ($0.number, Self.contentWords($0.text)) }
    }

    func match(_ text: String, number: Int) -> Match? {
        guard let question = questions.first(where: { $0.number == number }) else { return nil }
        return Self.compare(Self.contentWords(text), with: question.words, number: number)
    }

    /// The best and second-best matching questions for `text`.
    func bestMatches(_ text: String) -> (best: Match, runnerUp: Match?)? {
        let words = Self.contentWords(text)
        guard !words.isEmpty else { return nil }
        let matches = questions.map { Self.compare(words, with: $0.words, number: $0.number) }
            .sorted { $0.recall + $0.precision > $1.recall + $1.precision }
        guard let best = matches.first else { return nil }
        return (best, matches.dropFirst().first)
    }

    private static func compare(_ words: Set<String>, with question: Set<String>, number: Int) -> Match {
        guard !words.isEmpty, !question.isEmpty else { return Match(number: number, recall: 0, precision: 0) }
        let common = Double(words.intersection(question).count)
        return Match(number: number, recall: common / Double(question.count), precision: common / Double(words.count))
    }

    private static let extraStopwords: Set<String> = [
        "write", "explain", "describe", "give", "using", "use", "used", "module", "program", "code",
        "python", "example", "briefly",
    ]

    /// Lower-cased, crudely stemmed words, without function words. `multi-processing` and
    /// `multi processing` both become `multiprocess`.
    static func contentWords(_ text: String) -> Set<String> {
        var lowered = text.lowercased()
        for (from, to) in [("multi-", "multi"), ("multi ", "multi")] { lowered = lowered.replacingOccurrences(of: from, with: to) }
        let words = lowered.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        var result: Set<String> = []
        for word in words where !ProseScorer.functionWords.contains(word) && word.count > 1 {
            let stemmed = stem(word)
            if !extraStopwords.contains(word) && !extraStopwords.contains(stemmed) { result.insert(stemmed) }
        }
        return result
    }

    /// Just enough stemming for question texts: processes/process, creating/create, pools/pool.
    static func stem(_ word: String) -> String {
        var w = word
        if w.hasSuffix("ing") && w.count > 5 { w = String(w.dropLast(3)) }
        else if w.hasSuffix("es") && (w.hasSuffix("sses") || w.hasSuffix("ches") || w.hasSuffix("shes") || w.hasSuffix("xes")) { w = String(w.dropLast(2)) }
        else if w.hasSuffix("ed") && w.count > 4 { w = String(w.dropLast(2)) }
        else if w.hasSuffix("s") && !w.hasSuffix("ss") && w.count > 3 { w = String(w.dropLast()) }
        if w.hasSuffix("e") && w.count > 4 { w = String(w.dropLast()) }
        return w
    }
}
