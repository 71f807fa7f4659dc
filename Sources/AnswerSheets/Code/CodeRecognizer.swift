/// Finds code nobody marked: where unfenced Python starts in prose, whether a fence without a
/// language holds code, where code pasted into a fence gives way to its output, and whether a
/// JupyterLab `[n]:` prompt introduces code or a result. Built on `PythonLineScorer` (one line)
/// and `CodeCellTracker` (a run of lines).
struct CodeRecognizer: Sendable {
    let scorer = PythonLineScorer()

    /// Whether code nobody marked starts here: a line that is unmistakably Python, followed by
    /// lines that continue it, adding up to something more than a stray phrase.
    func startsUnmarkedCode(_ lines: [SourceLine], at index: Int, strict: Bool) -> Bool {
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

    /// JupyterLab prints `[3]:` before code and before results alike: code follows when the
    /// text after the prompt reads as Python and is not what the last cell printed.
    func isCodeAfterBarePrompt(rest: String, lines: [SourceLine], index: Int, lastTemplates: PrintTemplates) -> Bool {
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
