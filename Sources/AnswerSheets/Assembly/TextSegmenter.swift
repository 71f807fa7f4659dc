/// Cuts the lines of a text or Markdown sheet into blocks: headings, prose, code, output.
///
/// It is a small state machine over the lines — reading prose, inside a code cell, or reading
/// the output under a cell — in which explicit markers (fences, `In [n]:`, `Out[n]:`,
/// `Output:`, headings) always win, and unmarked lines are settled by the scorers: the
/// `CodeCellTracker` says whether a line continues the code, `PrintTemplates` and the
/// `ProseScorer` tell output from prose, `PythonLineScorer` spots code nobody marked.
///
/// It keeps its state between calls to `process`, so a notebook can feed it one Markdown cell
/// at a time and interleave real code cells with `appendCode`.
struct TextSegmenter {
    private(set) var blocks: [SheetBlock] = []
    private let headings: HeadingRecognizer
    private let scorer = PythonLineScorer()

    private enum Mode {
        case prose
        case code
        case output
    }

    private struct OpenCell {
        var lines: [SourceLine] = []
        var pendingBlanks: [SourceLine] = []
        var tracker = CodeCellTracker()
        /// Lines come from an interactive session and continue only with `>>>`/`...`.
        var repl = false
    }

    private var mode = Mode.prose
    private var cell = OpenCell()
    private var output: [SourceLine] = []
    private var outputPendingBlanks = 0
    private var context = HeadingRecognizer.Context()
    /// A code cell was seen since the last heading (so output has somewhere to go).
    private var cellInQuestion = false
    /// The print templates of the last finished cell, to recognise its output.
    private var lastTemplates = PrintTemplates()
    /// The last finished cell ended cleanly (see `CodeCellTracker.looksComplete`).
    private var lastCellComplete = false
    /// A heading with nothing after its number (`Question 1`) was just seen: the question text
    /// may follow on the next line, and belongs to the heading, not to the answer.
    private var headingAwaitingText: Int?

    init(headings: HeadingRecognizer) {
        self.headings = headings
    }

    // MARK: - Driving

    mutating func process(_ lines: [SourceLine]) {
        var index = 0
        while index < lines.count {
            index = step(lines, at: index)
        }
        finishPending()
    }

    /// A code cell that is code by construction (a notebook code cell).
    mutating func appendCode(_ text: String, line: Int, output recorded: String?) {
        finishPending()
        if let heading = explicitHeadingComment(in: text) {
            startQuestion(heading.number, line: line, text: heading.line)
        }
        blocks.append(.code(line: line, text: text))
        cellInQuestion = true
        if let recorded { blocks.append(.output(line: line, text: recorded)) }
        mode = .prose
    }

    /// Ends whatever cell or output is open (at the end of a sheet or a notebook cell).
    mutating func finishPending() {
        switch mode {
        case .code: finishCell()
        case .output: finishOutput()
        case .prose: break
        }
        mode = .prose
    }

    // MARK: - One line

    /// Handles the line at `index`; returns the index of the next line to handle.
    private mutating func step(_ lines: [SourceLine], at index: Int) -> Int {
        let line = lines[index]
        if line.isBlank {
            switch mode {
            case .code: cell.pendingBlanks.append(line)
            case .output: outputPendingBlanks += 1
            case .prose: blocks.append(.prose(line: line.number, text: ""))
            }
            return index + 1
        }
        let afterBlank = index > 0 && lines[index - 1].isBlank
        if let number = headingAwaitingText {
            headingAwaitingText = nil
            if mode == .prose, isQuestionText(line.text, number: number), let last = blocks.lastIndex(where: { if case .heading = $0 { return true } else { return false } }),
               case .heading(let headingNumber, let headingLine, let text) = blocks[last] {
                blocks[last] = .heading(number: headingNumber, line: headingLine, text: text + "\n" + line.trimmed)
                return index + 1
            }
        }

        if let marker = LineClassifier.marker(for: line.text) {
            switch marker {
            case .fence(let fence, let info):
                return handleFence(lines, at: index, fence: fence, info: info)
            case .inputPrompt(let rest):
                finishPending()
                startCell(firstLine: rest.isEmpty ? nil : SourceLine(number: line.number, text: rest))
                return index + 1
            case .barePrompt(let rest):
                finishPending()
                if isCodeAfterBarePrompt(rest: rest, lines: lines, index: index) {
                    startCell(firstLine: rest.isEmpty ? nil : SourceLine(number: line.number, text: rest))
                } else {
                    mode = .output
                    if !rest.trimmingBlanks().isEmpty { output.append(SourceLine(number: line.number, text: rest)) }
                }
                return index + 1
            case .outputPrompt(let rest):
                finishPending()
                mode = .output
                if !rest.trimmingBlanks().isEmpty { output.append(SourceLine(number: line.number, text: rest)) }
                return index + 1
            case .outputLabel(let rest):
                finishPending()
                mode = .output
                if !rest.isEmpty { output.append(SourceLine(number: line.number, text: rest)) }
                return index + 1
            case .replPrompt(let code, let continuation):
                if case .code = mode, cell.repl {
                    appendToCell(SourceLine(number: line.number, text: code))
                } else if !continuation {
                    finishPending()
                    startCell(firstLine: SourceLine(number: line.number, text: code))
                    cell.repl = true
                } else {
                    break
                }
                return index + 1
            }
        }

        // Headings. Inside code, a `# Q4` line is usually a comment; it is a heading when a
        // blank line sets it apart and what follows is not code.
        // Only a `#` line can be a comment; anything else that reads as a heading is one.
        var inCode = mode == .code && line.trimmed.hasPrefix("#")
        if inCode && afterBlank && line.text.first == "#" {
            if let next = lines[(index + 1)...].first(where: { !$0.isBlank }) {
                inCode = !cell.tracker.continues(with: next.text, afterBlank: false) || ProseScorer.isProse(next.text) ? false : true
            } else {
                inCode = false
            }
        }
        var headingContext = context
        headingContext.inCode = inCode
        if let result = headings.recognize(line.text, context: headingContext) {
            switch result {
            case .heading(let heading):
                finishPending()
                startQuestion(heading.number, line: line.number, text: line.text)
                if let code = heading.code {
                    startCell(firstLine: SourceLine(number: line.number, text: code))
                } else if !heading.answerText.isEmpty {
                    blocks.append(.prose(line: line.number, text: heading.answerText))
                } else if heading.markerOnly {
                    headingAwaitingText = heading.number
                }
                return index + 1
            case .listItem(let number):
                context.listNumber = number
            case .unknownQuestion(let number):
                blocks.append(.warning("line \(line.number): heading `\(line.trimmed)` names Q\(number), which the assignment does not have; its text is kept with the answer before it"))
            }
        }

        switch mode {
        case .code:
            if cell.lines.isEmpty || !cell.repl && cell.tracker.continues(with: line.text, afterBlank: !cell.pendingBlanks.isEmpty) {
                appendToCell(line)
                return index + 1
            }
            finishCell()
            mode = .output
            return stepInOutput(lines, at: index)
        case .output:
            return stepInOutput(lines, at: index)
        case .prose:
            return stepInProse(lines, at: index)
        }
    }

    private mutating func stepInOutput(_ lines: [SourceLine], at index: Int) -> Int {
        let line = lines[index]
        if TracebackRecognizer.startsTraceback(line.text) {
            return consumeTraceback(lines, at: index)
        }
        // Output written as a Markdown indented block ends where the indentation does.
        if outputPendingBlanks > 0, !line.isIndented, !output.isEmpty,
           output.allSatisfy({ $0.isBlank || $0.text.leadingBlanks.count >= 4 }) {
            finishOutput()
            mode = .prose
            return stepInProse(lines, at: index)
        }
        let isTemplateOutput = lastTemplates.matches(line.text)
        if !isTemplateOutput && (ProseScorer.isProse(line.text) || lastCellComplete && ProseScorer.isSentence(line.text)) {
            finishOutput()
            mode = .prose
            return stepInProse(lines, at: index)
        }
        if !isTemplateOutput && startsUnmarkedCode(lines, at: index, strict: true) {
            finishOutput()
            mode = .prose
            startCell(firstLine: nil)
            return index
        }
        if outputPendingBlanks > 0 && !output.isEmpty {
            for _ in 0..<outputPendingBlanks { output.append(SourceLine(number: line.number, text: "")) }
        }
        outputPendingBlanks = 0
        output.append(line)
        return index + 1
    }

    private mutating func stepInProse(_ lines: [SourceLine], at index: Int) -> Int {
        let line = lines[index]
        if cellInQuestion && TracebackRecognizer.startsTraceback(line.text) {
            mode = .output
            return consumeTraceback(lines, at: index)
        }
        if startsUnmarkedCode(lines, at: index, strict: false) {
            startCell(firstLine: nil)
            return index
        }
        blocks.append(.prose(line: line.number, text: line.text))
        return index + 1
    }

    private mutating func consumeTraceback(_ lines: [SourceLine], at index: Int) -> Int {
        let length = TracebackRecognizer.length(of: lines[index...])
        if outputPendingBlanks > 0 && !output.isEmpty { output.append(SourceLine(number: lines[index].number, text: "")) }
        outputPendingBlanks = 0
        output.append(contentsOf: lines[index..<(index + length)])
        return index + length
    }

    /// JupyterLab prints `[3]:` before code and before results alike: code follows when the
    /// text after the prompt reads as Python and is not what the last cell printed.
    private func isCodeAfterBarePrompt(rest: String, lines: [SourceLine], index: Int) -> Bool {
        let text: String
        if !rest.trimmingBlanks().isEmpty {
            text = rest
        } else if let next = lines[(index + 1)...].first(where: { !$0.isBlank }) {
            text = next.text
        } else {
            return false
        }
        if lastTemplates.matches(text) && !scorer.score(text).startsCode { return false }
        let score = scorer.score(text)
        return score.value >= 0.5 && score.kind != .literal
    }

    /// The line repeats question `number`'s text (and is not code).
    private func isQuestionText(_ text: String, number: Int) -> Bool {
        guard !scorer.score(text).startsCode, let match = headings.matcher.match(text, number: number) else { return false }
        return match.recall >= 0.6 && match.precision >= 0.5
    }

    // MARK: - Unmarked code

    /// Whether code nobody marked starts here: a line that is unmistakably Python, followed by
    /// lines that continue it, adding up to something more than a stray phrase.
    private func startsUnmarkedCode(_ lines: [SourceLine], at index: Int, strict: Bool) -> Bool {
        let first = lines[index]
        if ProseScorer.hasProseMarkup(first.text) && !first.text.trimmingBlanks().hasPrefix("#") { return false }
        let score = scorer.score(first.text)
        guard score.startsCode else { return false }
        if strict && !(score.kind == .compoundHeader || score.kind == .importStatement || score.kind == .decorator) { return false }
        var tracker = CodeCellTracker()
        tracker.accept(first.text)
        var codeLines = 1
        var total = score.value
        var sawBlank = false
        for line in lines[(index + 1)...].prefix(200) {
            if line.isBlank { sawBlank = true; continue }
            if LineClassifier.marker(for: line.text) != nil { break }
            guard tracker.continues(with: line.text, afterBlank: sawBlank) else { break }
            tracker.accept(line.text)
            codeLines += 1
            total += max(scorer.score(line.text, knownNames: tracker.knownNames).value, 0.5)
            sawBlank = false
        }
        if codeLines == 1 {
            return [.importStatement, .compoundHeader, .assignment, .call, .decorator].contains(score.kind) && !ProseScorer.isProse(first.text)
        }
        return total / Double(codeLines) >= 0.6
    }

    // MARK: - Cells and output

    private mutating func startCell(firstLine: SourceLine?) {
        finishPending()
        mode = .code
        cell = OpenCell()
        if let firstLine, !firstLine.isBlank { appendToCell(firstLine) }
    }

    private mutating func appendToCell(_ line: SourceLine) {
        if !cell.lines.isEmpty { cell.lines.append(contentsOf: cell.pendingBlanks) }
        cell.pendingBlanks = []
        cell.lines.append(line)
        cell.tracker.accept(line.text)
    }

    private mutating func finishCell() {
        let text = cell.lines.joinedAsCode()
        if let first = cell.lines.first, !text.isEmpty {
            blocks.append(.code(line: first.number, text: text))
            cellInQuestion = true
            lastTemplates = cell.tracker.templates
            lastCellComplete = cell.tracker.looksComplete
        }
        // Blank lines after the cell separate it from what follows; prose keeps paragraph breaks.
        cell = OpenCell()
        mode = .prose
    }

    private mutating func finishOutput() {
        let text = output.joinedTrimmingBlankEdges()
        if let first = output.first(where: { !$0.isBlank }), !text.isEmpty {
            blocks.append(.output(line: first.number, text: text))
        }
        output = []
        outputPendingBlanks = 0
        mode = .prose
    }

    private mutating func startQuestion(_ number: Int, line: Int, text: String) {
        blocks.append(.heading(number: number, line: line, text: text.trimmingBlanks()))
        context.current = number
        context.seen.insert(number)
        context.listNumber = nil
        cellInQuestion = false
        lastTemplates = PrintTemplates()
        lastCellComplete = false
    }

    /// A notebook code cell whose first line is a comment such as `# Q3` or `# Question 3:`.
    private func explicitHeadingComment(in code: String) -> (number: Int, line: String)? {
        guard let firstLine = code.split(separator: "\n").first(where: { !$0.trimmingBlanks().isEmpty }) else { return nil }
        let trimmed = firstLine.trimmingBlanks()
        guard trimmed.hasPrefix("#") else { return nil }
        let body = trimmed.drop { $0 == "#" }.trimmingBlanks()
        guard let letter = body.first, letter == "Q" || letter == "q" || letter == "A" || letter == "a" else { return nil }
        var headingContext = context
        headingContext.inCode = false
        if case .heading(let heading) = headings.recognize(body, context: headingContext) {
            return (heading.number, trimmed)
        }
        return nil
    }

    // MARK: - Fenced blocks

    private static let codeLanguages: Set<String> = ["python", "py", "python3", "py3", "ipython", "ipython3", "pycon", "python2"]
    private static let outputLanguages: Set<String> = ["output", "out", "text", "txt", "plaintext", "plain", "console", "stdout", "result", "results", "shell-session"]

    /// A fenced block: code (possibly with `In [n]:`/`Out[n]:` inside), recorded output, or —
    /// for a language the grader does not run — prose with a warning.
    private mutating func handleFence(_ lines: [SourceLine], at index: Int, fence: String, info: String) -> Int {
        let open = lines[index]
        let fenceCharacter = fence.first ?? "`"
        var end = lines.count
        var next = lines.count
        var closed = false
        for j in (index + 1)..<max(index + 1, lines.count) {
            let t = lines[j].trimmed
            if t.count >= fence.count && t.allSatisfy({ $0 == fenceCharacter }) { end = j; next = j + 1; closed = true; break }
        }
        if !closed {
            // The fence runs to the next heading of a question not answered yet.
            for j in (index + 1)..<max(index + 1, lines.count) where !lines[j].isIndented {
                if case .heading(let heading) = headings.recognize(lines[j].text, context: context), !context.seen.contains(heading.number) {
                    end = j; next = j; break
                }
            }
            blocks.append(.warning("line \(open.number): the code fence is never closed; the block was ended at line \(end < lines.count ? lines[end].number : (lines.last?.number ?? open.number))"))
        }
        let content = Array(lines[(index + 1)..<end])
        let language = info.trimmingCharacters(in: ["{", "}", "."]).split(whereSeparator: { $0 == " " || $0 == "," }).first.map { $0.lowercased() } ?? ""
        let afterLabel = mode == .output && output.isEmpty
        let followsCell = mode == .code || mode == .output
        finishPending()

        let hasPrompt = content.contains { if case .inputPrompt = LineClassifier.marker(for: $0.text) { return true } else { return false } }
        let looksLikeCode = hasPrompt || Self.looksLikeCode(content)
        let isCode: Bool
        let isOutput: Bool
        if afterLabel && !hasPrompt {
            isCode = false; isOutput = true
        } else if Self.codeLanguages.contains(language) {
            isCode = true; isOutput = false
        } else if Self.outputLanguages.contains(language) || language.isEmpty {
            isCode = looksLikeCode
            isOutput = !looksLikeCode && (followsCell || cellInQuestion || !language.isEmpty)
        } else {
            isCode = false; isOutput = false
        }

        if isCode {
            emitFencedCode(content)
        } else if isOutput {
            let text = content.joinedTrimmingBlankEdges()
            if let first = content.first(where: { !$0.isBlank }) { blocks.append(.output(line: first.number, text: text)) }
            mode = .prose
        } else {
            let what = language.isEmpty ? "a fenced block that does not look like Python" : "a fenced `\(language)` block"
            blocks.append(.warning("line \(open.number): \(what) was kept as prose"))
            for line in lines[index..<min(next, lines.count)] { blocks.append(.prose(line: line.number, text: line.text)) }
            mode = .prose
        }
        return next
    }

    /// Code inside a fence, split at `In [n]:` / `Out[n]:` / `Output:` markers; output pasted
    /// after the code inside the same fence is split off too.
    private mutating func emitFencedCode(_ content: [SourceLine]) {
        var chunk: [SourceLine] = []
        var chunkIsOutput = false
        var endedWithOutput = false
        func flush(_ segmenter: inout TextSegmenter) {
            defer { chunk = [] }
            guard chunk.contains(where: { !$0.isBlank }) else { return }
            if chunkIsOutput {
                segmenter.appendOutputBlock(chunk)
                endedWithOutput = true
            } else {
                let (code, trailing) = Self.splitTrailingOutput(chunk)
                if let first = code.first(where: { !$0.isBlank }) {
                    segmenter.blocks.append(.code(line: first.number, text: code.joinedAsCode()))
                    segmenter.cellInQuestion = true
                    var tracker = CodeCellTracker()
                    for line in code { tracker.accept(line.text) }
                    segmenter.lastTemplates = tracker.templates
                    segmenter.lastCellComplete = tracker.looksComplete
                    endedWithOutput = false
                }
                if !trailing.isEmpty { segmenter.appendOutputBlock(trailing); endedWithOutput = true }
            }
        }
        for line in content {
            switch LineClassifier.marker(for: line.text) {
            case .inputPrompt(let rest):
                flush(&self)
                chunkIsOutput = false
                if !rest.isEmpty { chunk.append(SourceLine(number: line.number, text: rest)) }
            case .outputPrompt(let rest), .outputLabel(let rest):
                flush(&self)
                chunkIsOutput = true
                if !rest.isEmpty { chunk.append(SourceLine(number: line.number, text: rest)) }
            default:
                chunk.append(line)
            }
        }
        flush(&self)
        mode = endedWithOutput ? .prose : .output
    }

    private mutating func appendOutputBlock(_ lines: [SourceLine]) {
        let text = lines.joinedTrimmingBlankEdges()
        if let first = lines.first(where: { !$0.isBlank }), !text.isEmpty { blocks.append(.output(line: first.number, text: text)) }
    }

    /// Output pasted after the code inside a fence: after a blank line, lines that neither
    /// continue the code nor look like code at all.
    static func splitTrailingOutput(_ lines: [SourceLine]) -> (code: [SourceLine], output: [SourceLine]) {
        var tracker = CodeCellTracker()
        let scorer = PythonLineScorer()
        var sawBlank = false
        for (offset, line) in lines.enumerated() {
            if line.isBlank { sawBlank = true; continue }
            if tracker.codeLineCount > 0 && sawBlank && !tracker.continues(with: line.text, afterBlank: true) {
                let rest = lines[offset...]
                let allOutput = rest.allSatisfy { $0.isBlank || TracebackRecognizer.startsTraceback($0.text) || scorer.score($0.text, knownNames: tracker.knownNames).value < 0.5 || tracker.templates.matches($0.text) }
                if allOutput && !rest.contains(where: { !$0.isBlank && $0.isIndented && !TracebackRecognizer.startsTraceback($0.text) && scorer.score($0.text).value > 0 }) {
                    return (Array(lines[..<offset]), Array(rest))
                }
            }
            tracker.accept(line.text)
            sawBlank = false
        }
        return (lines, [])
    }

    /// Most lines read as Python and at least one is unmistakable.
    static func looksLikeCode(_ lines: [SourceLine]) -> Bool {
        let scorer = PythonLineScorer()
        var tracker = CodeCellTracker()
        var codeLike = 0, total = 0, strong = false
        for line in lines where !line.isBlank {
            total += 1
            let continuing = tracker.lexerState.isContinuing || (line.isIndented && tracker.codeLineCount > 0)
            let score = scorer.score(line.text, knownNames: tracker.knownNames)
            if score.startsCode { strong = true }
            if continuing || score.value >= 0.5 { codeLike += 1 }
            tracker.accept(line.text)
        }
        return strong && total > 0 && Double(codeLike) / Double(total) >= 0.6
    }
}
