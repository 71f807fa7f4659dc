/// Splits cleaned answer text into sentences, the unit a phrase must fit in.
///
/// Answers are rarely tidy prose: bullet lists, headings without full stops, text hard-wrapped
/// or broken by blank lines when a PDF was converted. The rules:
/// - `.`, `!` or `?` followed by a space or line end ends a sentence, unless the word before is
///   an abbreviation ("e.g.", "i.e.", "etc.", "vs.") or the dot sits inside a word or number
///   ("os.cpu_count", "3.11");
/// - a line that starts with a bullet or a list number starts a new sentence, and so does every
///   line after one (list items are separate statements);
/// - each cell of a Markdown table row (a line starting with `|`) is a sentence of its own;
/// - a blank line ends a sentence unless the text after it plainly continues it (it starts in
///   lowercase and the text before did not end in punctuation);
/// - a line ending in `:` ends a sentence (it introduces what follows).
public enum SentenceSplitter {
    public static func sentences(in text: String) -> [String] {
        // First gather blocks (paragraph text, list items, lines ending in ":"), then cut each
        // block at its sentence-ending punctuation once, so long text stays linear.
        var blocks: [String] = []
        var current = ""
        var previousWasListItem = false
        var sawBlankLine = false

        func flush() {
            if !current.isEmpty { blocks.append(current) }
            current = ""
        }

        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine).trimmingSpaces
            if line.isEmpty {
                sawBlankLine = true
                continue
            }
            if line.hasPrefix("|") {
                // A Markdown table row: every cell is its own statement; the separator row
                // (|---|---|) has no letters and disappears.
                flush()
                blocks += line.split(separator: "|").map(String.init)
                previousWasListItem = true
                sawBlankLine = false
                continue
            }
            let isListItem = startsListItem(line)
            let continues = !current.isEmpty && sawBlankLine
                && (line.first?.isLowercase ?? false) && !(current.last.map(isTerminal) ?? false)
            if isListItem || previousWasListItem || (sawBlankLine && !continues) { flush() }
            sawBlankLine = false
            previousWasListItem = isListItem
            let body = isListItem ? stripListMarker(line) : line
            current += current.isEmpty ? body : " " + body
            if current.hasSuffix(":") { flush() }
        }
        flush()
        return blocks.flatMap(splitAtTerminals)
            .map(\.trimmingSpaces)
            .filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }
    }

    private static func isTerminal(_ character: Character) -> Bool { ".!?:;".contains(character) }

    static let abbreviations: Set<String> = ["e.g", "i.e", "etc", "vs", "eg", "ie", "cf", "mr", "mrs", "dr", "no", "approx"]

    /// Cuts after `.`, `!`, `?` followed by a space, except after abbreviations. The last piece
    /// (possibly unfinished) is returned last.
    static func splitAtTerminals(_ text: String) -> [String] {
        let characters = Array(text)
        var pieces: [String] = []
        var start = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if "!?.".contains(character), index + 1 < characters.count, characters[index + 1] == " " {
                var wordStart = index
                while wordStart > start, !characters[wordStart - 1].isWhitespace { wordStart -= 1 }
                let word = String(characters[wordStart..<index]).lowercased()
                if character != "." || !abbreviations.contains(word.trimmingCharacters(of: "(")) {
                    pieces.append(String(characters[start...index]))
                    start = index + 1
                }
            }
            index += 1
        }
        pieces.append(String(characters[start...]))
        return pieces
    }

    static func startsListItem(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        if "•*+".contains(first) { return true }
        if first == "-", line.dropFirst().first == " " { return true }
        // "1." / "2)" / "a)" followed by a space.
        let prefix = line.prefix { $0.isNumber }
        if !prefix.isEmpty, prefix.count <= 2 {
            let rest = line.dropFirst(prefix.count)
            if let marker = rest.first, ".)".contains(marker), rest.dropFirst().first == " " { return true }
        }
        return false
    }

    static func stripListMarker(_ line: String) -> String {
        var rest = Substring(line)
        if let first = rest.first, "•*+-".contains(first) {
            rest = rest.dropFirst()
        } else {
            rest = rest.drop { $0.isNumber }.dropFirst()
        }
        return String(rest).trimmingSpaces
    }
}

extension String {
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    func trimmingCharacters(of set: String) -> String {
        String(drop { set.contains($0) })
    }
}
