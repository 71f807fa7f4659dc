/// Making untrusted text safe to place in Markdown.
///
/// Two cases: inline text (a quote of the student's words, a name), where every character that
/// could start Markdown or HTML syntax is neutralised; and verbatim blocks (code, output),
/// which go in a fence longer than any backtick run inside them so the student cannot close it.
enum MarkdownText {
    /// Characters that can start Markdown syntax in the middle of a line. Inline text is never
    /// placed at the start of a line, so `#`, `-`, `+`, `1.` need no escape (fewer backslashes
    /// for a student reading the raw file).
    private static let special: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "|", "~"]

    /// Escapes inline text and flattens it to one line (a newline would end a list item or a
    /// table cell). `<` and `&` become entities so no raw HTML survives, even in renderers that
    /// ignore backslash escapes before them.
    static func inline(_ text: String) -> String {
        // Scalar by scalar, so a combining mark cannot hide a `<` inside a larger Character.
        var out = ""
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n": if !afterCR { out += " " }
            case "\r", "\t": out += " "
            default:
                if HTMLText.isControl(scalar) {
                    out += "\u{FFFD}"
                } else if special.contains(scalar) {
                    out += "\\"
                    out.unicodeScalars.append(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A fenced block: the fence is one backtick longer than the longest run inside the text.
    static func fenced(_ text: String, language: String = "") -> String {
        var longest = 0
        var run = 0
        for ch in text {
            if ch == "`" { run += 1; longest = max(longest, run) } else { run = 0 }
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        var body = text
        body.unicodeScalars.removeAll { HTMLText.isControl($0) && $0 != "\n" && $0 != "\t" && $0 != "\r" }
        if !body.hasSuffix("\n") { body += "\n" }
        return "\(fence)\(language)\n\(body)\(fence)\n"
    }
}
