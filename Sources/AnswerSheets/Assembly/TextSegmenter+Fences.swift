/// Fenced blocks (```` ``` ```` and `~~~`): what is code, what is output, what stays prose.
extension TextSegmenter {
    static let codeLanguages: Set<String> = ["python", "py", "python3", "py3", "ipython", "ipython3", "pycon", "python2"]
    static let outputLanguages: Set<String> = ["output", "out", "text", "txt", "plaintext", "plain", "console", "stdout", "result", "results", "shell-session"]

    /// A fenced block: code (possibly with `In [n]:`/`Out[n]:` inside), recorded output, or —
    /// for a language the grader does not run — prose with a warning.
    mutating func handleFence(_ lines: [SourceLine], at index: Int, fence: String, info: String) -> Int {
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
        let looksLikeCode = hasPrompt || CodeRecognizer.looksLikeCode(content)
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
    mutating func emitFencedCode(_ content: [SourceLine]) {
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
                let (code, trailing) = CodeRecognizer.splitTrailingOutput(chunk)
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

    mutating func appendOutputBlock(_ lines: [SourceLine]) {
        let text = lines.joinedTrimmingBlankEdges()
        if let first = lines.first(where: { !$0.isBlank }), !text.isEmpty { blocks.append(.output(line: first.number, text: text)) }
    }

}
