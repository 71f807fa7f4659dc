/// Recognises Python tracebacks pasted under a cell: the plain form (`Traceback (most recent
/// call last):` ... `NameError: name 'x' is not defined`), the syntax-error form (`  File
/// "<stdin>", line 3` ... `SyntaxError: ...`), IPython's coloured form (a dashed rule, then
/// `NameError   Traceback (most recent call last)`, `Cell In[3], line 5`), and chained ones.
enum TracebackRecognizer {
    static func startsTraceback(_ text: String) -> Bool {
        let t = text.trimmingBlanks()
        if t.hasPrefix("Traceback (most recent call last)") { return true }
        if t.contains("Traceback (most recent call last)") && isExceptionName(String(t.prefix { !$0.isWhitespace })) { return true }
        if t.hasPrefix("File \"") && t.contains("\", line ") { return true }
        if t.hasPrefix("Process Process-") || t.hasPrefix("Process ForkPoolWorker-") || t.hasPrefix("Process SpawnPoolWorker-") {
            return t.hasSuffix(":")
        }
        if t.count >= 20 && t.allSatisfy({ $0 == "-" }) { return true }
        return false
    }

    /// Lines that keep a traceback going after its exception line.
    static func continuesChain(_ text: String) -> Bool {
        let t = text.trimmingBlanks()
        return t.hasPrefix("The above exception was the direct cause")
            || t.hasPrefix("During handling of the above exception")
            || t.hasPrefix("Traceback (most recent call last)")
            || t == "\"\"\""
    }

    /// `NameError: name 'x' is not defined`, `multiprocessing.pool.MaybeEncodingError: ...`,
    /// `KeyboardInterrupt`.
    static func isExceptionLine(_ text: String) -> Bool {
        guard let first = text.first, !first.isWhitespace else { return false }
        let head = text.prefix { $0 != ":" && $0 != " " }
        guard isExceptionName(String(head)) else { return false }
        let after = text.dropFirst(head.count)
        return after.isEmpty || after.first == ":"
    }

    static func isExceptionName(_ dotted: String) -> Bool {
        guard let last = dotted.split(separator: ".").last, let first = last.first, first.isUppercase,
              dotted.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else { return false }
        return ["Error", "Exception", "Interrupt", "Exit", "Warning", "Iteration", "Traceback", "Timeout"].contains { last.hasSuffix($0) }
    }

    /// Given lines starting at a traceback, the number of lines it spans (blank lines inside
    /// included, trailing ones not). It stops at the first line that cannot be part of a
    /// traceback, so a traceback cut short by the student never swallows what follows.
    static func length(of lines: ArraySlice<SourceLine>) -> Int {
        var count = 0
        var index = lines.startIndex
        var sawException = false
        while index < lines.endIndex {
            let line = lines[index]
            if line.isBlank {
                if sawException {
                    // Look past the blank run once: a chained traceback continues after it.
                    guard let next = lines[index...].firstIndex(where: { !$0.isBlank }), continuesChain(lines[next].text) else { break }
                    index = next
                    continue
                }
                index += 1
                continue
            }
            if isExceptionLine(line.text) && !line.text.contains("Traceback (most recent call last)") {
                sawException = true
            } else if continuesChain(line.text) || startsTraceback(line.text) {
                sawException = false
            } else if sawException || !(line.isIndented || isTracebackBodyLine(line.text)) {
                break
            }
            index += 1
            count = index - lines.startIndex
        }
        return max(count, 1)
    }

    /// Unindented lines that occur inside IPython tracebacks.
    private static func isTracebackBodyLine(_ text: String) -> Bool {
        let t = text.trimmingBlanks()
        if t.hasPrefix("Cell In[") || t.hasPrefix("Input In [") || t.hasPrefix("File ") || t.hasPrefix("---->") || t.hasPrefix("--->") { return true }
        if t.allSatisfy({ $0 == "^" || $0 == "~" || $0 == " " }) { return true }
        if let first = t.first, first.isNumber, t.drop(while: { $0.isNumber }).first == " " { return true }
        return false
    }
}
