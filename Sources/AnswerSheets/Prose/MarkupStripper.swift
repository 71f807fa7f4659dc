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
        var changed = true
        while changed {
            changed = false
            for prefix in [">", "#", "- ", "* ", "+ ", "\u{2022}", "\u{25AA}", "\u{25CF}", "\u{2023}", "\u{2043}", "\u{2013} ", "\u{2014} "] where text.hasPrefix(prefix) {
                text = String(text.drop { prefix.first == $0 || (prefix == "#" && $0 == "#") || (prefix == ">" && $0 == ">") }).trimmingBlanks()
                if prefix.count > 1 && text.hasPrefix(String(prefix.dropFirst(1))) { text = String(text.dropFirst(prefix.count - 1)).trimmingBlanks() }
                changed = true
            }
            if let rest = dropListNumber(text) { text = rest; changed = true }
        }
        // Decorations anywhere in the line.
        for decoration in ["\"\"\"", "'''", "```", "**", "__", "--->>", "--->", "-->>", "-->", "==>", "=>", "->", "<br>", "<br/>", "<br />"] {
            text = text.replacingOccurrences(of: decoration, with: " ")
        }
        text = text.replacingOccurrences(of: "`", with: "")
        text = stripLinks(text)
        text = stripEmphasis(text)
        // Separator lines (`....`, `----`, `====`) carry no words.
        if !text.contains(where: { $0.isLetter || $0.isNumber }) { return "" }
        return collapseSpaces(text)
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

    /// `*word*` / `_word_` → `word`; snake_case and `a * b` are left alone.
    private static func stripEmphasis(_ text: String) -> String {
        let chars = Array(text)
        var result = ""
        for (i, c) in chars.enumerated() {
            if c == "*" || c == "_" {
                let before = i > 0 ? chars[i - 1] : " "
                let after = i + 1 < chars.count ? chars[i + 1] : " "
                let wordBefore = before.isLetter || before.isNumber
                let wordAfter = after.isLetter || after.isNumber
                if wordBefore && wordAfter { result.append(c); continue }  // snake_case
                if wordBefore || wordAfter { continue }  // an emphasis edge
            }
            result.append(c)
        }
        return result
    }

    private static func collapseSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
