/// Text for a terminal: control characters removed (a student's name or file name could carry
/// an escape sequence that clears the screen or rewrites the title), and the display width of
/// a string measured in terminal columns so tables line up with CJK text and emoji.
enum TerminalText {
    /// Replaces every control character (including ESC) with `?` and flattens newlines.
    static func sanitize(_ text: String) -> String {
        var out = ""
        for ch in text {
            if ch.unicodeScalars.contains(where: HTMLText.isControl) {
                out += ch == "\n" || ch == "\t" || ch == "\r\n" ? " " : "?"
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// Columns the text takes: 2 for wide (East Asian, emoji) characters, 0 for zero-width ones.
    static func width(_ text: String) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    static func width(of ch: Character) -> Int {
        guard let first = ch.unicodeScalars.first else { return 0 }
        if ch.unicodeScalars.count > 1, ch.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation || $0.value == 0xFE0F }) {
            return 2
        }
        if first.properties.isEmojiPresentation { return 2 }
        switch first.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            switch first.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return 0
            default: return 1
            }
        }
    }

    /// Cuts the text to at most `limit` columns, marking the cut with `…`.
    static func truncate(_ text: String, to limit: Int) -> String {
        guard width(text) > limit else { return text }
        var out = ""
        var used = 0
        for ch in text {
            let w = width(of: ch)
            if used + w > limit - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    static func padRight(_ text: String, to columns: Int) -> String {
        text + String(repeating: " ", count: max(0, columns - width(text)))
    }

    static func padLeft(_ text: String, to columns: Int) -> String {
        String(repeating: " ", count: max(0, columns - width(text))) + text
    }
}
