/// The explicit markers a line can carry, recognised from the line alone: fences, notebook
/// prompts, output labels, REPL prompts. (Headings need the assignment and the position in the
/// sheet, so the `HeadingRecognizer` decides those.)
enum LineMarker: Equatable {
    /// ```` ```python ```` / `~~~` : the fence characters and the info string (language).
    case fence(String, info: String)
    /// `In [3]:` with whatever code follows on the same line.
    case inputPrompt(rest: String)
    /// `[3]:`, the prompt JupyterLab prints for both code and results; the segmenter decides
    /// which from what follows.
    case barePrompt(rest: String)
    /// `Out[3]:` with whatever output follows on the same line.
    case outputPrompt(rest: String)
    /// `Output:`, `**Output:**`, `Sample output -`, `Output of the above code:` (+ rest).
    case outputLabel(rest: String)
    /// `>>> code` or `... code` of an interactive session.
    case replPrompt(code: String, continuation: Bool)
}

enum LineClassifier {
    static func marker(for line: String) -> LineMarker? {
        let t = line.trimmingBlanks()
        guard let first = t.first else { return nil }
        switch first {
        case "`", "~": return fence(t, leadingBlanks: line.leadingBlanks.count)
        case "I", "i": return prompt(t, word: "In").map { .inputPrompt(rest: $0) }
        case "[": return prompt(t, word: "").map { .barePrompt(rest: $0) }
        case "#":
            // `# In[3]:` is how a notebook saved as a script marks its cells.
            let inner = t.drop { $0 == "#" }.trimmingBlanks()
            if inner.hasPrefix("In"), let rest = prompt(inner, word: "In") { return .inputPrompt(rest: rest) }
        case ">", ".": return repl(t)
        default: break
        }
        if first == "O" || first == "o" {
            if let rest = prompt(t, word: "Out") { return .outputPrompt(rest: rest) }
        }
        if let rest = outputLabel(t) { return .outputLabel(rest: rest) }
        return nil
    }

    private static func fence(_ t: String, leadingBlanks: Int) -> LineMarker? {
        guard leadingBlanks <= 3, let c = t.first else { return nil }
        let run = t.prefix { $0 == c }
        guard run.count >= 3 else { return nil }
        let info = t.dropFirst(run.count).trimmingBlanks()
        if c == "`" && info.contains("`") { return nil }  // inline code, not a fence
        return .fence(String(run), info: info)
    }

    /// `In [12]:`, `In[ ]:`, `In [*]:` → the rest of the line.
    private static func prompt(_ t: String, word: String) -> String? {
        var s = TextScanner(t)
        guard s.scan(word) else { return nil }
        s.skipBlanks()
        guard s.scan("[") else { return nil }
        s.skipBlanks()
        if s.scanDigits(max: 5) == nil { _ = s.scan("*") }
        s.skipBlanks()
        guard s.scan("]") else { return nil }
        s.skipBlanks()
        guard s.scan(":") else { return nil }
        return s.rest.trimmingBlanks().isEmpty ? "" : String(s.rest.drop { $0 == " " })
    }

    private static func repl(_ t: String) -> LineMarker? {
        if t == ">>>" { return .replPrompt(code: "", continuation: false) }
        if t.hasPrefix(">>> ") { return .replPrompt(code: String(t.dropFirst(4)), continuation: false) }
        if t.hasPrefix("... ") { return .replPrompt(code: String(t.dropFirst(4)), continuation: true) }
        if t == "..." { return .replPrompt(code: "", continuation: true) }
        return nil
    }

    /// The output label words; what follows a separator is the first line of output.
    static func outputLabel(_ line: String) -> String? {
        var t = line.trimmingBlanks()
        for decoration in ["**", "__", "*", "_", "#"] { while t.hasPrefix(decoration) { t = String(t.dropFirst(decoration.count)).trimmingBlanks() } }
        var s = TextScanner(t)
        for lead in ["sample ", "expected ", "the ", "program ", "code "] where s.scan(lead, caseInsensitive: true) { break }
        guard s.scan("outputs", caseInsensitive: true) || s.scan("output", caseInsensitive: true) || s.scan("o/p", caseInsensitive: true) else { return nil }
        // Optional `of the above code` / `is` before the separator.
        if let c = s.peek, c.isLetter || c.isNumber { return nil }  // `outputting`, `output5`
        s.skipBlanks()
        while let w = s.scanWord() {
            guard ["of", "is", "the", "above", "code", "program", "cell", "for", "from", "will", "be", "this"].contains(w.lowercased()) else { return nil }
            s.skipBlanks()
        }
        var rest = s.rest.trimmingBlanks()
        for decoration in ["**", "__"] where rest.hasPrefix(decoration) { rest = String(rest.dropFirst(2)) }
        rest = rest.trimmingBlanks()
        if rest.isEmpty { return "" }
        var separator = TextScanner(rest)
        var sawSeparator = false
        while separator.scan(anyOf: [":", "-", "\u{2013}", "\u{2014}", ">", "="]) != nil { sawSeparator = true }
        guard sawSeparator else { return nil }
        var remainder = separator.rest.trimmingBlanks()
        for decoration in ["**", "__"] where remainder.hasPrefix(decoration) { remainder = String(remainder.dropFirst(2)).trimmingBlanks() }
        return remainder
    }
}
