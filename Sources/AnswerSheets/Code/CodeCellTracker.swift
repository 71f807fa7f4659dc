/// Follows a code cell line by line and decides whether the next line still belongs to it.
///
/// Cells in a printed notebook have no end marker: the code is followed by its output or by
/// prose, often after a blank line, and code itself contains blank lines. The tracker keeps the
/// state that settles most cases (open brackets, an open triple-quoted string, a block opened
/// by a colon, the names the code defined, the text its `print` calls will write) and asks the
/// line scorer about the rest.
struct CodeCellTracker {
    private(set) var lexerState = PythonLexer.State()
    private(set) var knownNames: Set<String> = []
    private(set) var templates = PrintTemplates()
    private(set) var lastOpenedBlock = false
    private(set) var codeLineCount = 0
    /// The indentation of the cell's first line: code pasted as a Markdown indented block sits
    /// four columns in, and "column 0" means that column.
    private(set) var baseIndent = 0
    private let scorer = PythonLineScorer()

    /// Records a line that was accepted into the cell.
    mutating func accept(_ text: String) {
        let trimmed = text.trimmingBlanks()
        guard !trimmed.isEmpty else { return }
        if codeLineCount == 0 { baseIndent = text.leadingBlanks.count }
        let wasContinuing = lexerState.isContinuing
        let line = PythonLexer.lex(trimmed, state: &lexerState)
        codeLineCount += 1
        templates.learn(from: trimmed)
        collectNames(line.tokens)
        if !wasContinuing {
            lastOpenedBlock = line.tokens.last == .op(":")
        } else if !lexerState.isContinuing {
            lastOpenedBlock = line.tokens.last == .op(":")
        }
    }

    /// The code as seen so far ends cleanly: no open bracket or string, no block left without a
    /// body. A cell cut off in the middle (a page lost in printing) says nothing about what it
    /// would print.
    var looksComplete: Bool { !lexerState.isContinuing && !lastOpenedBlock && codeLineCount > 0 }

    /// Whether `text` continues the cell. `afterBlank` says a blank line came between.
    func continues(with text: String, afterBlank: Bool) -> Bool {
        if lexerState.openTriple != nil { return true }
        if lexerState.depth > 0 || lexerState.endsWithBackslash {
            // Inside brackets almost anything goes, but a traceback or a prose paragraph after
            // a blank line means the student's code was cut off.
            if afterBlank && (TracebackRecognizer.startsTraceback(text) || ProseScorer.isProse(text)) { return false }
            return true
        }
        if TracebackRecognizer.startsTraceback(text) { return false }
        let score = scorer.score(text, knownNames: knownNames)
        if score.kind == .comment { return true }
        if score.value < 0.8 && templates.matches(text) { return false }
        if text.leadingBlanks.count > baseIndent {
            // Indented: code unless it is plainly a sentence.
            if score.value == 0 && ProseScorer.isProse(text) { return false }
            if score.value == 0 && afterBlank { return false }
            return true
        }
        if lastOpenedBlock && !afterBlank {
            // The body of a block that lost its indentation (`with Pool() as p:` then `p.map(...)`
            // at column 0): code if it reads as code at all.
            return score.value >= 0.3
        }
        return score.value >= 0.5
    }

    private mutating func collectNames(_ tokens: [PythonLexer.Token]) {
        for (index, token) in tokens.enumerated() {
            guard case .name(let name) = token else { continue }
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            let previous = index > 0 ? tokens[index - 1] : nil
            if next == .op("=") || next == .op(",") || previous == .keyword("def") || previous == .keyword("class")
                || previous == .keyword("as") || previous == .keyword("import") || previous == .keyword("for") {
                knownNames.insert(name)
            }
        }
    }
}

/// The constant text of a cell's `print` calls (`print(f"Worker {n} is running")` gives
/// `Worker `), used to recognise the output pasted under the cell even when it looks like a
/// sentence or like code.
struct PrintTemplates {
    private(set) var fragments: [String] = []

    mutating func learn(from line: String) {
        guard line.contains("\"") || line.contains("'") else { return }
        // Text built away from the print call (`msg = f"..."`) is printed too, but a short
        // literal there is more likely a key or a mode: only longer ones count.
        let printsHere = line.contains("print") || line.contains(".format(") || line.contains("f\"") || line.contains("f'")
        let minimum = printsHere ? 3 : 6
        for literal in Self.stringLiterals(in: line) {
            for piece in Self.constantPieces(of: literal) {
                let cleaned = piece.trimmingBlanks()
                if cleaned.count >= minimum, cleaned.contains(where: { $0.isLetter }), cleaned != "__main__", !fragments.contains(cleaned) {
                    fragments.append(cleaned)
                }
            }
        }
    }

    /// True when the line starts with a fragment, or contains a long one.
    func matches(_ text: String) -> Bool {
        let line = text.trimmingBlanks()
        guard !line.isEmpty else { return false }
        return fragments.contains { fragment in
            line.hasPrefix(fragment) || (fragment.count >= 8 && line.contains(fragment))
        }
    }

    /// The contents of the quoted literals on a line (escape sequences left as written).
    static func stringLiterals(in line: String) -> [String] {
        var result: [String] = []
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            guard c == "\"" || c == "'" else { continue }
            var content = ""
            var closed = false
            while let d = chars.popFirst() {
                if d == "\\" { if let e = chars.popFirst() { content.append(d); content.append(e) }; continue }
                if d == c { closed = true; break }
                content.append(d)
            }
            if closed { result.append(content) }
        }
        return result
    }

    /// Splits `Worker {num} is running` / `Square: %d` into the parts that print verbatim.
    static func constantPieces(of literal: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var depth = 0
        var chars = Array(literal)[...]
        while let c = chars.popFirst() {
            if c == "{" { if depth == 0 { pieces.append(current); current = "" }; depth += 1; continue }
            if c == "}" { depth = max(0, depth - 1); continue }
            if depth > 0 { continue }
            if c == "%", let next = chars.first, "sdrfi".contains(next) { chars = chars.dropFirst(); pieces.append(current); current = ""; continue }
            if c == "\\" { _ = chars.popFirst(); pieces.append(current); current = ""; continue }
            current.append(c)
        }
        pieces.append(current)
        return pieces
    }
}
