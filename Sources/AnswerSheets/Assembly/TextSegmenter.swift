/// Cuts the lines of a text or Markdown sheet into blocks: headings, prose, code, output.
///
/// It is a small state machine over the lines — reading prose, inside a code cell, or reading
/// the output under a cell — in which explicit markers (fences, `In [n]:`, `Out[n]:`,
/// `Output:`, headings — found by `LineClassifier` and `HeadingRecognizer`) always win, and
/// unmarked lines are settled by the recognizers: `CodeCellTracker` says whether a line
/// continues the open cell, `OutputRecognizer` whether a line after a cell is still its output,
/// `CodeRecognizer` where code nobody marked starts. Fenced blocks are handled in
/// `TextSegmenter+Fences.swift`.
///
/// It keeps its state between calls to `process`, so a notebook can feed it one Markdown cell
/// at a time and interleave real code cells with `appendCode`.
struct TextSegmenter {
    /// What was found so far, in reading order.
    var blocks: [SheetBlock] = []
    let headings: HeadingRecognizer
    let scorer = PythonLineScorer()
    let code = CodeRecognizer()
    let outputs = OutputRecognizer()

    enum Mode {
        case prose
        case code
        case output
    }

    struct OpenCell {
        var lines: [SourceLine] = []
        var pendingBlanks: [SourceLine] = []
        var tracker = CodeCellTracker()
        /// Lines come from an interactive session and continue only with `>>>`/`...`.
        var repl = false
    }

    var mode = Mode.prose
    var cell = OpenCell()
    var output: [SourceLine] = []
    var outputPendingBlanks = 0
    var context = HeadingRecognizer.Context()
    /// A code cell was seen since the last heading (so output has somewhere to go).
    var cellInQuestion = false
    /// The print templates of the last finished cell, to recognise its output.
    var lastTemplates = PrintTemplates()
    /// The last finished cell ended cleanly (see `CodeCellTracker.looksComplete`).
    var lastCellComplete = false
    /// A heading with nothing after its number (`Question 1`) was just seen: the question text
    /// may follow on the next line, and belongs to the heading, not to the answer.
    var headingAwaitingText: Int?

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
                if code.isCodeAfterBarePrompt(rest: rest, lines: lines, index: index, lastTemplates: lastTemplates) {
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

    mutating func stepInOutput(_ lines: [SourceLine], at index: Int) -> Int {
        let line = lines[index]
        switch outputs.classify(line, afterBlank: outputPendingBlanks > 0, outputSoFar: output, templates: lastTemplates, lastCellComplete: lastCellComplete) {
        case .traceback:
            return consumeTraceback(lines, at: index)
        case .prose:
            finishOutput()
            mode = .prose
            return stepInProse(lines, at: index)
        case .output:
            if !lastTemplates.matches(line.text) && code.startsUnmarkedCode(lines, at: index, strict: true) {
                finishOutput()
                mode = .prose
                startCell(firstLine: nil)
                return index
            }
        }
        if outputPendingBlanks > 0 && !output.isEmpty {
            for _ in 0..<outputPendingBlanks { output.append(SourceLine(number: line.number, text: "")) }
        }
        outputPendingBlanks = 0
        output.append(line)
        return index + 1
    }

    mutating func stepInProse(_ lines: [SourceLine], at index: Int) -> Int {
        let line = lines[index]
        if cellInQuestion && TracebackRecognizer.startsTraceback(line.text) {
            mode = .output
            return consumeTraceback(lines, at: index)
        }
        if code.startsUnmarkedCode(lines, at: index, strict: false) {
            startCell(firstLine: nil)
            return index
        }
        // A `# comment` right above unmarked code is the code's first line.
        if line.trimmed.hasPrefix("# "), index + 1 < lines.count, !lines[index + 1].isBlank,
           code.startsUnmarkedCode(lines, at: index + 1, strict: false) {
            startCell(firstLine: line)
            return index + 1
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

    /// The line repeats question `number`'s text (and is not code).
    private func isQuestionText(_ text: String, number: Int) -> Bool {
        guard !scorer.score(text).startsCode, let match = headings.matcher.match(text, number: number) else { return false }
        return match.recall >= 0.6 && match.precision >= 0.5
    }

    // MARK: - Cells and output

    mutating func startCell(firstLine: SourceLine?) {
        finishPending()
        mode = .code
        cell = OpenCell()
        if let firstLine, !firstLine.isBlank { appendToCell(firstLine) }
    }

    mutating func appendToCell(_ line: SourceLine) {
        if !cell.lines.isEmpty { cell.lines.append(contentsOf: cell.pendingBlanks) }
        cell.pendingBlanks = []
        cell.lines.append(line)
        cell.tracker.accept(line.text)
    }

    mutating func finishCell() {
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

    mutating func finishOutput() {
        let text = output.joinedTrimmingBlankEdges()
        if let first = output.first(where: { !$0.isBlank }), !text.isEmpty {
            blocks.append(.output(line: first.number, text: text))
        }
        output = []
        outputPendingBlanks = 0
        mode = .prose
    }

    mutating func startQuestion(_ number: Int, line: Int, text: String) {
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
}
