/// A tiny forward scanner over the characters of one line, used instead of regular expressions
/// for the line patterns the reader looks for: they run on every line of a sheet (up to 5 MB),
/// and hand-written scanning keeps that predictable and fast.
struct TextScanner {
    private let characters: [Character]
    private(set) var position = 0

    init(_ text: some StringProtocol) {
        characters = Array(text)
    }

    var isAtEnd: Bool { position >= characters.count }
    var peek: Character? { isAtEnd ? nil : characters[position] }
    var rest: String { isAtEnd ? "" : String(characters[position...]) }

    func peek(offset: Int) -> Character? {
        let index = position + offset
        return index < characters.count ? characters[index] : nil
    }

    mutating func advance(_ count: Int = 1) { position = min(characters.count, position + count) }

    /// Skips spaces and tabs; returns how many were skipped.
    @discardableResult
    mutating func skipBlanks() -> Int {
        let start = position
        while let c = peek, c == " " || c == "\t" || c == "\u{A0}" { position += 1 }
        return position - start
    }

    /// Consumes a run of ASCII digits (at most `max`), returning them.
    mutating func scanDigits(max: Int = .max) -> String? {
        let start = position
        while let c = peek, c.isASCII, c.isNumber, position - start < max { position += 1 }
        return position > start ? String(characters[start..<position]) : nil
    }

    /// Consumes `literal` if it comes next (ASCII case-insensitive when asked).
    mutating func scan(_ literal: String, caseInsensitive: Bool = false) -> Bool {
        var index = position
        for expected in literal {
            guard index < characters.count else { return false }
            let actual = characters[index]
            let same = caseInsensitive ? actual.lowercased() == expected.lowercased() : actual == expected
            guard same else { return false }
            index += 1
        }
        position = index
        return true
    }

    /// Consumes one character if it is in `set`.
    mutating func scan(anyOf set: Set<Character>) -> Character? {
        guard let c = peek, set.contains(c) else { return nil }
        position += 1
        return c
    }

    /// Consumes a run of letters.
    mutating func scanWord() -> String? {
        let start = position
        while let c = peek, c.isLetter { position += 1 }
        return position > start ? String(characters[start..<position]) : nil
    }
}
