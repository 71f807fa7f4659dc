/// One line of a decoded sheet with its 1-based line number, so every warning and every cell
/// can point back to where it came from.
struct SourceLine: Sendable, Equatable {
    var number: Int
    var text: String

    var isBlank: Bool { text.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{A0}" } }
    /// The text without leading and trailing blanks.
    var trimmed: String { text.trimmingBlanks() }
    /// True when the line starts with a space or tab (a continuation of an indented block).
    var isIndented: Bool { text.first == " " || text.first == "\t" }
}

/// Splits decoded text into lines: CRLF, lone CR (old Mac, some PDF tools) and form feeds (the
/// page breaks `pdftotext` writes) all end a line; ANSI colour codes pasted from a terminal are
/// removed; trailing blanks are dropped (they carry no meaning and vary between editors).
enum LineSplitter {
    static func split(_ text: String, firstLineNumber: Int = 1) -> [SourceLine] {
        var lines: [SourceLine] = []
        var current = String.UnicodeScalarView()
        var number = firstLineNumber
        var previousWasCR = false
        func finish() {
            lines.append(SourceLine(number: number, text: String(current).trimmingTrailingBlanks()))
            current = String.UnicodeScalarView()
            number += 1
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                if previousWasCR { previousWasCR = false; continue }
                finish()
            case "\r":
                finish()
                previousWasCR = true
                continue
            case "\u{0C}", "\u{2028}", "\u{2029}":
                finish()
            default:
                current.append(scalar)
            }
            previousWasCR = false
        }
        if !current.isEmpty { finish() }
        for index in lines.indices where lines[index].text.unicodeScalars.contains("\u{1B}") {
            lines[index].text = ANSI.strip(lines[index].text)
        }
        if let first = lines.first?.text.unicodeScalars.first, first == "\u{FEFF}" {
            lines[0].text = String(lines[0].text.unicodeScalars.dropFirst())
        }
        return lines
    }
}

/// Removes ANSI escape sequences (terminal colours in IPython tracebacks).
enum ANSI {
    static func strip(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var iterator = Array(text.unicodeScalars)[...]
        while let scalar = iterator.popFirst() {
            guard scalar == "\u{1B}" else { result.append(scalar); continue }
            guard let next = iterator.first else { break }
            if next == "[" {
                // CSI: parameters and intermediates, then one final byte in @...~
                iterator = iterator.dropFirst()
                while let c = iterator.popFirst() {
                    if (0x40...0x7E).contains(c.value) { break }
                }
            } else if next == "]" {
                // OSC: up to BEL or ESC \
                iterator = iterator.dropFirst()
                while let c = iterator.popFirst() {
                    if c == "\u{07}" { break }
                    if c == "\u{1B}" { _ = iterator.popFirst(); break }
                }
            } else {
                iterator = iterator.dropFirst()
            }
        }
        return String(result)
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and no-break spaces.
    func trimmingBlanks() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }
        guard let start = firstIndex(where: { !isBlank($0) }) else { return "" }
        guard let end = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[start...end])
    }

    func trimmingTrailingBlanks() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }
        guard let end = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[...end])
    }

    /// The leading run of spaces and tabs.
    var leadingBlanks: Substring {
        let s = Substring(self)
        return s.prefix { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }
    }
}
