/// Removes presentation markup from prose for scoring: heading hashes, bold and italics,
/// block quotes, bullets and list numbers, stray docstring quotes (`"""` used as decoration),
/// arrows (`--->>`), inline code ticks, Markdown links and HTML tags. Words are never removed.
enum MarkupStripper {
    static func strip(_ prose: String) -> String {
        var out: [String] = []
        for rawLine in prose.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = stripLine(String(rawLine))
            if line.isEmpty {
                if let last = out.last, !last.isEmpty { out.append("") }
                continue
            }
            out.append(line)
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n")
    }

    static func stripLine(_ line: String) -> String {
        var text = line.trimmingBlanks()
        // Leading structure: quotes, hashes, bullets, list numbers (repeatedly: `> - **x**`).
        // A few rounds are enough for real markup; the bound keeps a line of ten thousand
        // `1. 1. 1.` from costing quadratic time.
        var changed = true
        var rounds = 0
        while changed && rounds < 8 {
            changed = false
            rounds += 1
            for prefix in [">", "#", "- ", "* ", "+ ", "\u{2022}", "\u{25AA}", "\u{25CF}", "\u{2023}", "\u{2043}", "\u{2013} ", "\u{2014} "] where text.hasPrefix(prefix) {
                text = String(text.drop { prefix.first == $0 || (prefix == "#" && $0 == "#") || (prefix == ">" && $0 == ">") }).trimmingBlanks()
                if prefix.count > 1 && text.hasPrefix(String(prefix.dropFirst(1))) { text = String(text.dropFirst(prefix.count - 1)).trimmingBlanks() }
                changed = true
            }
            if let rest = dropListNumber(text) { text = rest; changed = true }
        }
        // `Ans:` / `Answer -` in front of an answer is a label, not part of it.
        let unbolded = String(text.drop { $0 == "*" || $0 == "_" })
        for label in ["answer", "ans"] where unbolded.lowercased().hasPrefix(label) {
            var s = TextScanner(unbolded.dropFirst(label.count))
            _ = s.scan(".")
            s.skipBlanks()
            if s.scan(anyOf: [":", "-", ")", "\u{2013}"]) != nil { text = s.rest.trimmingBlanks() }
            break
        }
        // Table cells: the pipes are layout.
        if text.hasPrefix("|") { text = text.replacingOccurrences(of: "|", with: " ") }
        // Decorations anywhere in the line, except inside `inline code`, which is kept verbatim.
        let segments = text.split(separator: "`", omittingEmptySubsequences: false)
        text = segments.enumerated().map { offset, segment in
            offset % 2 == 1 ? String(segment) : stripDecorations(String(segment))
        }.joined()
        // Separator lines (`....`, `----`, `====`) carry no words.
        if !text.contains(where: { $0.isLetter || $0.isNumber }) { return "" }
        return collapseSpaces(text)
    }

    private static let decorations = ["\"\"\"", "'''", "**", "--->>", "--->", "-->>", "-->", "==>", "=>", "->", "<br>", "<br/>", "<br />"]
    private static let decorationStarts = Set(decorations.compactMap(\.utf8.first))

    private static func stripDecorations(_ segment: String) -> String {
        var text = segment
        // Foundation's `replacingOccurrences` searches the whole line on every call; a line
        // without a decoration's first character cannot hold it (and a replacement only inserts
        // a space, so it never creates one).
        let present = Set(text.utf8.filter { Self.decorationStarts.contains($0) })
        for decoration in Self.decorations where present.contains(decoration.utf8.first ?? 0) {
            text = text.replacingOccurrences(of: decoration, with: " ")
        }
        text = stripLinks(text)
        return stripEmphasis(text)
    }

    /// `1. `, `2) `, `(3) `, `a) ` at the start of a list item.
    private static func dropListNumber(_ text: String) -> String? {
        var s = TextScanner(text)
        let paren = s.scan("(")
        guard s.scanDigits(max: 2) != nil || (s.peek?.isLetter == true && s.peek(offset: 1) == ")" && { s.advance(); return true }()) else { return nil }
        guard s.scan(anyOf: [".", ")"]) != nil || (paren && s.scan(")")) else { return nil }
        guard s.skipBlanks() > 0 else { return nil }
        return s.rest
    }

    /// `[text](url)` → `text`.
    private static func stripLinks(_ text: String) -> String {
        guard text.contains("](") else { return text }
        var result = ""
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if c == "[", let close = chars.firstIndex(of: "]"), chars.index(after: close) < chars.endIndex, chars[chars.index(after: close)] == "(",
               let end = chars[close...].firstIndex(of: ")") {
                result += String(chars[chars.startIndex..<close])
                chars = chars[chars.index(after: end)...]
                continue
            }
            result.append(c)
        }
        return result
    }

    /// `*word*` / `__word__` → `word`: a run of `*` or `_` touching a word on one side only is
    /// an emphasis edge; snake_case (word on both sides) and `a * b` (neither) are left alone.
    private static func stripEmphasis(_ text: String) -> String {
        let chars = Array(text)
        var result = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            guard c == "*" || c == "_" else { result.append(c); i += 1; continue }
            var j = i
            while j < chars.count && chars[j] == c { j += 1 }
            let before = i > 0 ? chars[i - 1] : " "
            let after = j < chars.count ? chars[j] : " "
            let wordBefore = before.isLetter || before.isNumber
            let wordAfter = after.isLetter || after.isNumber
            if wordBefore == wordAfter { result += String(chars[i..<j]) }
            i = j
        }
        return result
    }

    private static func collapseSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
