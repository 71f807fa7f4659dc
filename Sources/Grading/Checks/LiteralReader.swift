/// Reads Python literals from text: the expected value written in a rubric, and every value
/// printed in a run's output.
///
/// A tokenizer-level reader rather than the engine's parser, on purpose: output is not code
/// (`Process 3 says [1, 2]` is not a Python expression), so the reader must find values in the
/// middle of prose, and only the printed forms of values matter: numbers (with sign, exponent,
/// `inf`, `nan`), strings in either quote with backslash escapes, `True`/`False`/`None`, lists,
/// tuples, sets (`set()` too), dicts, nested to `maxDepth` levels. Anything else is not a
/// literal; the reader never fails on it, it simply finds nothing there.
public struct LiteralReader: Sendable {
    /// Nesting deeper than this is not read (so hostile output cannot exhaust the stack).
    public var maxDepth: Int

    public init(maxDepth: Int = 64) {
        self.maxDepth = maxDepth
    }

    /// The whole text as one literal (surrounding whitespace allowed), or `nil` when it is not
    /// exactly one literal. Used for a rubric's expected value.
    public func parse(_ text: String) -> PythonLiteral? {
        let scalars = Array(text.unicodeScalars)
        var cursor = Cursor(scalars: scalars, index: 0)
        cursor.skipWhitespace(newlines: true)
        guard let value = readValue(&cursor, depth: 0) else { return nil }
        cursor.skipWhitespace(newlines: true)
        return cursor.atEnd ? value : nil
    }

    /// Every literal that appears in the text, in order, each read as long as possible: in
    /// `squares: [0, 1, 4]` that is the list (its items are reachable through
    /// `PythonLiteral.selfAndDescendants`). A literal must start at a word boundary, so
    /// `Process-1` and `it's` hold no literal.
    public func literals(in text: String) -> [PythonLiteral] {
        let scalars = Array(text.unicodeScalars)
        var found: [PythonLiteral] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard Self.canStart(scalar), index == 0 || Self.boundaryAllows(scalar, after: scalars[index - 1]) else {
                index += 1
                continue
            }
            var cursor = Cursor(scalars: scalars, index: index)
            if let value = readValue(&cursor, depth: 0), cursor.index > index {
                found.append(value)
                index = cursor.index
            } else {
                index += 1
            }
        }
        return found
    }

    // MARK: - Reading

    struct Cursor {
        let scalars: [Unicode.Scalar]
        var index: Int

        var atEnd: Bool { index >= scalars.count }
        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        func peek(_ offset: Int) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        mutating func skipWhitespace(newlines: Bool) {
            while let c = current, c == " " || c == "\t" || (newlines && (c == "\n" || c == "\r")) { index += 1 }
        }

        /// Consumes `word` if it is next and not followed by a word character.
        mutating func consume(word: String) -> Bool {
            let word = Array(word.unicodeScalars)
            guard index + word.count <= scalars.count, Array(scalars[index..<index + word.count]) == word else { return false }
            if let next = peek(word.count), LiteralReader.isWordScalar(next) { return false }
            index += word.count
            return true
        }
    }

    func readValue(_ cursor: inout Cursor, depth: Int) -> PythonLiteral? {
        guard depth <= maxDepth, let c = cursor.current else { return nil }
        let start = cursor.index
        let value: PythonLiteral?
        switch c {
        case "[": value = readSequence(&cursor, close: "]", depth: depth).map(PythonLiteral.list)
        case "(": value = readTuple(&cursor, depth: depth)
        case "{": value = readBraces(&cursor, depth: depth)
        case "'", "\"": value = readString(&cursor)
        case "T": value = cursor.consume(word: "True") ? .bool(true) : nil
        case "F": value = cursor.consume(word: "False") ? .bool(false) : nil
        case "N": value = cursor.consume(word: "None") ? PythonLiteral.none : nil
        case "s": value = cursor.consume(word: "set()") ? .set([]) : nil
        default: value = readNumber(&cursor)
        }
        if value == nil { cursor.index = start }
        return value
    }

    /// Items up to `close`, separated by commas, a trailing comma allowed.
    private func readSequence(_ cursor: inout Cursor, close: Unicode.Scalar, depth: Int) -> [PythonLiteral]? {
        cursor.index += 1
        var items: [PythonLiteral] = []
        cursor.skipWhitespace(newlines: true)
        if cursor.current == close {
            cursor.index += 1
            return items
        }
        while true {
            guard let item = readValue(&cursor, depth: depth + 1) else { return nil }
            items.append(item)
            cursor.skipWhitespace(newlines: true)
            if cursor.current == "," {
                cursor.index += 1
                cursor.skipWhitespace(newlines: true)
                if cursor.current == close {
                    cursor.index += 1
                    return items
                }
            } else if cursor.current == close {
                cursor.index += 1
                return items
            } else {
                return nil
            }
        }
    }

    /// `()`, `(x,)`, `(x, y)`; `(x)` is just `x` parenthesised, as in Python.
    private func readTuple(_ cursor: inout Cursor, depth: Int) -> PythonLiteral? {
        let start = cursor.index
        guard let items = readSequence(&cursor, close: ")", depth: depth) else { return nil }
        if items.count == 1 {
            // Was there a comma? Look back for it before the closing parenthesis.
            var back = cursor.index - 2
            while back > start, [" ", "\t", "\n", "\r"].contains(cursor.scalars[back]) { back -= 1 }
            if cursor.scalars[back] != "," { return items[0] }
        }
        return .tuple(items)
    }

    /// `{}` (a dict, as in Python), `{1, 2}` (a set) or `{k: v, ...}` (a dict).
    private func readBraces(_ cursor: inout Cursor, depth: Int) -> PythonLiteral? {
        cursor.index += 1
        cursor.skipWhitespace(newlines: true)
        if cursor.current == "}" {
            cursor.index += 1
            return .dict([])
        }
        guard let first = readValue(&cursor, depth: depth + 1) else { return nil }
        cursor.skipWhitespace(newlines: true)
        if cursor.current == ":" {
            var pairs: [PythonLiteralPair] = []
            var key = first
            while true {
                guard cursor.current == ":" else { return nil }
                cursor.index += 1
                cursor.skipWhitespace(newlines: true)
                guard let value = readValue(&cursor, depth: depth + 1) else { return nil }
                pairs.append(PythonLiteralPair(key: key, value: value))
                cursor.skipWhitespace(newlines: true)
                if cursor.current == "," {
                    cursor.index += 1
                    cursor.skipWhitespace(newlines: true)
                }
                if cursor.current == "}" {
                    cursor.index += 1
                    return .dict(pairs)
                }
                guard let next = readValue(&cursor, depth: depth + 1) else { return nil }
                key = next
                cursor.skipWhitespace(newlines: true)
            }
        }
        var items = [first]
        while true {
            if cursor.current == "," {
                cursor.index += 1
                cursor.skipWhitespace(newlines: true)
            }
            if cursor.current == "}" {
                cursor.index += 1
                return .set(items)
            }
            guard let next = readValue(&cursor, depth: depth + 1) else { return nil }
            items.append(next)
            cursor.skipWhitespace(newlines: true)
        }
    }

    /// A quoted string on one line (printed reprs never hold a raw newline), with the escapes
    /// `repr` produces.
    private func readString(_ cursor: inout Cursor) -> PythonLiteral? {
        guard let quote = cursor.current else { return nil }
        cursor.index += 1
        var text = String.UnicodeScalarView()
        while let c = cursor.current {
            cursor.index += 1
            if c == quote { return .string(String(text)) }
            if c == "\n" || c == "\r" { return nil }
            guard c == "\\" else {
                text.append(c)
                continue
            }
            guard let e = cursor.current else { return nil }
            cursor.index += 1
            switch e {
            case "n": text.append("\n")
            case "t": text.append("\t")
            case "r": text.append("\r")
            case "0": text.append("\0")
            case "x", "u", "U":
                let width = e == "x" ? 2 : e == "u" ? 4 : 8
                guard cursor.index + width <= cursor.scalars.count else { return nil }
                let hex = String(String.UnicodeScalarView(cursor.scalars[cursor.index..<cursor.index + width]))
                guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else { return nil }
                text.append(scalar)
                cursor.index += width
            default: text.append(e)  // \\, \', \" and anything else: the character itself
            }
        }
        return nil
    }

    /// `42`, `-7`, `3.5`, `1e-05`, `.5`, `inf`, `-inf`, `nan`.
    private func readNumber(_ cursor: inout Cursor) -> PythonLiteral? {
        var sign = ""
        if cursor.current == "-" || cursor.current == "+" {
            if cursor.current == "-" { sign = "-" }
            cursor.index += 1
        }
        if cursor.consume(word: "inf") { return .float(sign == "-" ? -.infinity : .infinity) }
        if cursor.consume(word: "nan") { return .float(.nan) }
        var digits = ""
        var isFloat = false
        while let c = cursor.current, c.properties.numericType == .decimal, c.isASCII {
            digits.unicodeScalars.append(c)
            cursor.index += 1
        }
        if cursor.current == ".", let next = cursor.peek(1), next.isASCII, next.properties.numericType == .decimal || !digits.isEmpty {
            if !(next.isASCII && next.properties.numericType == .decimal) && LiteralReader.isWordScalar(next) { return nil }
            isFloat = true
            digits += "."
            cursor.index += 1
            while let c = cursor.current, c.isASCII, c.properties.numericType == .decimal {
                digits.unicodeScalars.append(c)
                cursor.index += 1
            }
        }
        guard digits.contains(where: \.isNumber) else { return nil }
        if cursor.current == "e" || cursor.current == "E" {
            var exponent = "e"
            var probe = cursor.index + 1
            if probe < cursor.scalars.count, cursor.scalars[probe] == "-" || cursor.scalars[probe] == "+" {
                exponent.unicodeScalars.append(cursor.scalars[probe])
                probe += 1
            }
            let exponentStart = probe
            while probe < cursor.scalars.count, cursor.scalars[probe].isASCII, cursor.scalars[probe].properties.numericType == .decimal {
                exponent.unicodeScalars.append(cursor.scalars[probe])
                probe += 1
            }
            if probe > exponentStart {
                isFloat = true
                digits += exponent
                cursor.index = probe
            }
        }
        // `3rd`, `2x`, `1.2.3`: not a number.
        if let next = cursor.current, LiteralReader.isWordScalar(next) || next == "." { return nil }
        if isFloat {
            guard let value = Double(sign + digits) else { return nil }
            return .float(value)
        }
        let trimmed = digits.drop { $0 == "0" }
        let canonical = trimmed.isEmpty ? "0" : String(trimmed)
        return .int(canonical == "0" ? "0" : sign + canonical)
    }

    // MARK: - Character classes

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Whether a literal may start at `scalar` right after `previous`: brackets anywhere; other
    /// literals only at a word boundary, and a number not right after a sign or point (the
    /// attempt at the sign covers `-1`; `Process-1` and `v1.2` hold no number).
    static func boundaryAllows(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar) -> Bool {
        if scalar == "[" || scalar == "(" || scalar == "{" { return true }
        if isWordScalar(previous) { return false }
        if scalar.isASCII, scalar.properties.numericType == .decimal, previous == "-" || previous == "+" || previous == "." {
            return false
        }
        return true
    }

    static func canStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "[", "(", "{", "'", "\"", "-", "+", ".", "T", "F", "N", "s", "i", "n": return true
        default: return scalar.isASCII && scalar.properties.numericType == .decimal
        }
    }
}
