/// Decides whether a line starts the answer to a question, and to which.
///
/// Students mark questions in many ways: `# Q1.`, `**Q1. text**`, `### 1)`, `01.`, `Q2.`,
/// `1. text`, `Question 2 - text`, `## Question 1: text`, `Ans 1)`, a line that repeats the
/// question, `3.import multiprocessing`. A bare number collides with numbered lists in answers
/// and with comments in code, so each candidate is scored: how explicit the marker is, whether
/// its text repeats the question, whether it is the question expected next, whether it would
/// continue a numbered list, and whether we are inside code.
struct HeadingRecognizer: Sendable {
    struct Context {
        /// The question being answered (the last heading's number).
        var current: Int?
        var seen: Set<Int> = []
        /// The number of the last item of a numbered list in the current answer.
        var listNumber: Int?
        /// The line would otherwise continue a code cell.
        var inCode = false
    }

    enum Result: Equatable {
        case heading(Heading)
        /// A numbered list item (`2. Scalability`): not a heading, but the list goes on.
        case listItem(Int)
        /// An explicit `Q7.` heading for a question the assignment does not have.
        case unknownQuestion(Int)
    }

    struct Heading: Equatable {
        var number: Int
        /// Text after the marker that is part of the answer (not a repeat of the question).
        var answerText: String
        /// Code that starts on the heading line itself (`3.import multiprocessing`).
        var code: String?
        /// Nothing followed the marker (`Question 1`): the question text may be on the next line.
        var markerOnly = false
    }

    private enum MarkerForm { case question, answer, bare, letterA }

    private struct Candidate {
        var number: Int
        var form: MarkerForm
        var rest: String
        var leadingZero: Bool
        var decorated: Bool
        var separator: String
    }

    let assignment: Assignment
    let matcher: QuestionTextMatcher
    private let scorer = PythonLineScorer()

    init(assignment: Assignment) {
        self.assignment = assignment
        self.matcher = QuestionTextMatcher(assignment: assignment)
    }

    func recognize(_ line: String, context: Context) -> Result? {
        let trimmed = line.trimmingBlanks()
        guard !trimmed.isEmpty, trimmed.count <= 400 else { return nil }
        var text = Substring(trimmed)
        let hashes = text.prefix { $0 == "#" }.count
        if context.inCode && hashes > 0 && !(line.first == "#") { return nil }
        text = text.dropFirst(hashes)
        var decorated = hashes > 0 && !context.inCode
        text = Substring(text.trimmingBlanks())
        while let marker = ["**", "__", "*", "_"].first(where: { text.hasPrefix($0) }) {
            text = Substring(text.dropFirst(marker.count).trimmingBlanks())
            decorated = true
        }
        if let candidate = parseNumbered(String(text), decorated: decorated) {
            return decide(candidate, context: context)
        }
        // A line repeating the question being answered is a restatement inside the answer
        // (or a code comment such as `# create a process`), not a second heading.
        if !context.inCode, let number = questionEcho(String(text), headingShaped: decorated || text.hasSuffix("?")), number != context.current {
            return .heading(Heading(number: number, answerText: "", code: nil))
        }
        return nil
    }

    // MARK: - Parsing the marker

    private func parseNumbered(_ text: String, decorated: Bool) -> Candidate? {
        var s = TextScanner(text)
        var form = MarkerForm.bare
        if s.scan("question", caseInsensitive: true) || s.scan("ques", caseInsensitive: true) || s.scan("que", caseInsensitive: true) || s.scan("qn", caseInsensitive: true) || s.scan("q", caseInsensitive: true) {
            form = .question
        } else if s.scan("answer", caseInsensitive: true) || s.scan("ans", caseInsensitive: true) {
            form = .answer
        } else if (s.peek == "A" || s.peek == "a"), s.peek(offset: 1)?.isNumber == true {
            s.advance()
            form = .letterA
        }
        if form == .question || form == .answer {
            if let c = s.peek, c.isLetter { return nil }  // `Queue`, `Answering`
            _ = s.scan(".")
            s.skipBlanks()
            if s.scan("no", caseInsensitive: true) || s.scan("number", caseInsensitive: true) { _ = s.scan("."); s.skipBlanks() }
            _ = s.scan("#")
            _ = s.scan(anyOf: ["-", ":"])
            s.skipBlanks()
        }
        let paren = form == .bare && s.scan("(")
        guard let digits = s.scanDigits(max: 2), let number = Int(digits) else { return nil }
        var separator = ""
        let blanksBeforeSeparator = s.skipBlanks()
        while let c = s.scan(anyOf: [".", ")", ":", "-", "\u{2013}", "\u{2014}", "]", ">"]) {
            separator.append(c)
            if c == "." && s.peek?.isNumber == true { return nil }  // 1.5, 3.14
        }
        if paren && !separator.hasPrefix(")") { return nil }
        if form == .bare && separator.isEmpty && !(decorated && s.isAtEnd) { return nil }
        if form == .bare && blanksBeforeSeparator > 0 && separator != "-" && separator != ")" { return nil }
        if form != .bare, separator.isEmpty, let c = s.peek, c.isNumber { return nil }
        if form == .letterA && separator.isEmpty { return nil }  // `A1 grade`
        var rest = s.rest.trimmingBlanks()
        for marker in ["**", "__", "*", "_"] {
            if rest.hasPrefix(marker) { rest = String(rest.dropFirst(marker.count)).trimmingBlanks() }
            if rest.hasSuffix(marker) { rest = String(rest.dropLast(marker.count)).trimmingBlanks() }
        }
        return Candidate(number: number, form: form, rest: rest, leadingZero: digits.count > 1 && digits.hasPrefix("0"), decorated: decorated, separator: separator)
    }

    // MARK: - Scoring

    private func decide(_ candidate: Candidate, context: Context) -> Result? {
        let number = candidate.number
        guard assignment.question(number: number) != nil else {
            return candidate.form == .question && !context.inCode ? .unknownQuestion(number) : nil
        }
        var score = 0.0
        switch candidate.form {
        case .question, .answer: score += 3
        case .letterA: score += 2
        case .bare:
            score += 1
            if candidate.leadingZero { score += 1 }
            if candidate.decorated { score += 1 }
        }
        let rest = candidate.rest
        var code: String?
        var answerText = rest
        if rest.isEmpty {
            if candidate.form == .bare { score += 1 }
        } else if scorer.score(rest).startsCode && !ProseScorer.isProse(rest) {
            code = rest
            answerText = ""
            score += 1
        } else if let match = matcher.match(rest, number: number) {
            if match.recall >= 0.5 && match.precision >= 0.34 {
                score += match.recall >= 0.7 ? 3 : 2
                answerText = ""
            } else if candidate.form == .bare && ProseScorer.words(rest).count > 25 {
                score -= 1
            }
        }
        // `Question 3 asks us to ...`: a sentence that starts with a question's name, no
        // separator, and goes on about something else.
        if candidate.separator.isEmpty && !rest.isEmpty && !answerText.isEmpty && code == nil && ProseScorer.words(rest).count >= 6 {
            score -= 2
        }
        let expected = (context.current ?? 0) + 1
        if number == expected { score += 1 }
        if candidate.form == .bare {
            if let list = context.listNumber, list == number - 1 { score -= 2 }
            if context.seen.contains(number) { score -= 1 }
            if let current = context.current, number == current { score -= 1 }
        }
        if context.inCode { score -= 2 }
        let threshold = context.inCode ? 3.0 : 2.0
        if score >= threshold {
            return .heading(Heading(number: number, answerText: answerText, code: code, markerOnly: rest.isEmpty))
        }
        return candidate.form == .bare ? .listItem(number) : nil
    }

    /// A heading-shaped line that repeats one question's text and no other's.
    private func questionEcho(_ text: String, headingShaped: Bool) -> Int? {
        guard headingShaped else { return nil }
        var body = text
        for prefix in ["Question:", "Question -", "Question", "Q.", "Q:", "Que.", "Ques."] where body.lowercased().hasPrefix(prefix.lowercased()) {
            body = String(body.dropFirst(prefix.count))
            break
        }
        guard ProseScorer.words(body).count <= 40, let (best, runnerUp) = matcher.bestMatches(body) else { return nil }
        guard best.recall >= 0.6, best.precision >= 0.6 else { return nil }
        if let runnerUp, runnerUp.recall + runnerUp.precision > best.recall + best.precision - 0.3 { return nil }
        return best.number
    }
}
