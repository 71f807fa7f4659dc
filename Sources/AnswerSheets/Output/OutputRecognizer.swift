/// Decides, for a line read after a code cell, whether it is still the cell's output.
///
/// A printed notebook puts output under its cell with no marker and prose after that, so the
/// end of output has to be judged: a traceback is always output; text the cell's `print` calls
/// would write is output even when it reads like a sentence; a paragraph of prose, or a
/// sentence under code known to be complete, ends the output; so does leaving the indentation
/// of a Markdown indented output block.
struct OutputRecognizer: Sendable {
    enum Verdict: Equatable {
        case traceback
        case prose
        case output
    }

    func classify(_ line: SourceLine, afterBlank: Bool, outputSoFar: [SourceLine], templates: PrintTemplates, lastCellComplete: Bool) -> Verdict {
        if TracebackRecognizer.startsTraceback(line.text) { return .traceback }
        if afterBlank, !line.isIndented, !outputSoFar.isEmpty,
           outputSoFar.allSatisfy({ $0.isBlank || $0.text.leadingBlanks.count >= 4 }) {
            return .prose
        }
        if templates.matches(line.text) { return .output }
        if ProseScorer.isProse(line.text) || lastCellComplete && ProseScorer.isSentence(line.text) { return .prose }
        return .output
    }
}
