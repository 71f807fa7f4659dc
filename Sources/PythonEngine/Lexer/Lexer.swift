/// Turns source text into tokens, including the INDENT/DEDENT tokens that encode Python's block
/// structure. Mirrors CPython's tokenizer rules: tabs advance to multiples of 8, and an indentation
/// that compares differently when a tab counts as 1 column is a `TabError`.
public struct Lexer {
    let chars: [Unicode.Scalar]
    var pos = 0
    var line = 1
    var lineStart = 0
    var tokens: [Token] = []
    var indents: [Int] = [0]
    var altIndents: [Int] = [0]
    /// Open brackets with their line and column, for "was never closed" and mismatch errors.
    var brackets: [(Unicode.Scalar, Int, Int)] = []
    var atLineStart = true
    /// The outermost bracket still open at end of input, if any.
    var unclosedBracket: (String, Int, Int)?

    /// CPython's tokenizer refuses more than 200 nested parentheses (MAXLEVEL).
    static let maxBracketDepth = 200

    public init(_ source: String) {
        var scalars = Array(source.unicodeScalars)
        // Normalise \r\n and lone \r to \n, as CPython's universal newlines do.
        if scalars.contains("\r") {
            var out: [Unicode.Scalar] = []
            out.reserveCapacity(scalars.count)
            var i = 0
            while i < scalars.count {
                if scalars[i] == "\r" {
                    out.append("\n")
                    if i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
                } else { out.append(scalars[i]) }
                i += 1
            }
            scalars = out
        }
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        chars = scalars
    }

    public static func tokenize(_ source: String) throws(PythonSyntaxError) -> [Token] {
        var lexer = Lexer(source)
        var tokens = try lexer.run()
        if let (open, l, col) = lexer.unclosedBracket, !tokens.isEmpty {
            tokens[tokens.count - 1].text = open
            tokens[tokens.count - 1].prefix = "\(l):\(col)"
        }
        return tokens
    }

    var column: Int { pos - lineStart + 1 }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let i = pos + offset
        return i < chars.count ? chars[i] : nil
    }

    mutating func run() throws(PythonSyntaxError) -> [Token] {
        while pos < chars.count {
            if atLineStart && brackets.isEmpty {
                try handleIndentation()
                continue
            }
            let c = chars[pos]
            switch c {
            case " ", "\t", "\u{0C}":
                pos += 1
            case "#":
                while pos < chars.count && chars[pos] != "\n" { pos += 1 }
            case "\n":
                if brackets.isEmpty {
                    add(.newline, "", column)
                    atLineStart = true
                }
                pos += 1
                newLine()
            case "\\":
                if peek(1) == "\n" {
                    pos += 2
                    newLine()
                    if pos >= chars.count {
                        throw PythonSyntaxError("unexpected EOF while parsing", line: line - 1, column: 1)
                    }
                } else {
                    throw PythonSyntaxError("unexpected character after line continuation character", line: line, column: column + 1)
                }
            default:
                if isIdentifierStart(c) {
                    try lexNameOrString()
                } else if c.properties.numericType != nil && c.isASCII || (c == "." && (peek(1).map { isDigit($0) } ?? false)) {
                    try lexNumber()
                } else if c == "\"" || c == "'" {
                    try lexString(prefix: "", startColumn: column)
                } else {
                    try lexOperator()
                }
            }
        }
        if let (open, l, col) = brackets.first {
            // Reported by the parser (CPython prefers "invalid syntax" on the bracket's own line).
            unclosedBracket = (String(Character(open)), l, col)
        }
        if let last = tokens.last, last.kind != .newline && last.kind != .dedent && last.kind != .indent {
            add(.newline, "", column)
        }
        while indents.count > 1 {
            indents.removeLast()
            add(.dedent, "", 1)
        }
        add(.endMarker, "", column)
        return tokens
    }

    mutating func newLine() {
        line += 1
        lineStart = pos
    }

    mutating func add(_ kind: Token.Kind, _ text: String, _ col: Int, prefix: String = "", startLine: Int? = nil) {
        var token = Token(kind: kind, text: text, line: startLine ?? line, column: col, prefix: prefix, endLine: line)
        token.endColumn = column
        tokens.append(token)
    }

    /// Measures the indentation of a new logical line and emits INDENT/DEDENT tokens. Blank and
    /// comment-only lines do not count, as in CPython.
    mutating func handleIndentation() throws(PythonSyntaxError) {
        var col = 0
        var alt = 0
        while pos < chars.count {
            let c = chars[pos]
            if c == " " { col += 1; alt += 1 }
            else if c == "\t" { col = (col / 8 + 1) * 8; alt += 1 }
            else if c == "\u{0C}" { col = 0; alt = 0 }
            else { break }
            pos += 1
        }
        guard pos < chars.count else { return }
        let c = chars[pos]
        if c == "#" || c == "\n" || (c == "\\" && peek(1) == "\n") {
            // Blank line: no indentation change. The newline itself is skipped by the main loop.
            if c == "\n" { pos += 1; newLine() }
            else if c == "#" {
                while pos < chars.count && chars[pos] != "\n" { pos += 1 }
                if pos < chars.count { pos += 1; newLine() }
            } else { atLineStart = false }
            return
        }
        atLineStart = false
        defer { atLineStart = false }
        let current = indents[indents.count - 1]
        let currentAlt = altIndents[altIndents.count - 1]
        if col == current {
            if alt != currentAlt { throw tabError() }
        } else if col > current {
            if alt <= currentAlt { throw tabError() }
            if indents.count >= 100 {
                // CPython reports tokenizer errors at offset 1, so no caret is printed.
                throw PythonSyntaxError.indentation("too many levels of indentation", line: line, column: 1)
            }
            indents.append(col)
            altIndents.append(alt)
            add(.indent, "", column)
        } else {
            while indents.count > 1 && col < indents[indents.count - 1] {
                indents.removeLast()
                altIndents.removeLast()
                add(.dedent, "", column)
            }
            if col != indents[indents.count - 1] {
                // CPython points just past the end of the line.
                throw PythonSyntaxError.indentation("unindent does not match any outer indentation level", line: line, column: currentLineLength + 1)
            }
            if alt != altIndents[altIndents.count - 1] { throw tabError() }
        }
    }

    func tabError() -> PythonSyntaxError {
        PythonSyntaxError("inconsistent use of tabs and spaces in indentation", line: line, column: 1, typeName: "TabError")
    }

    /// Characters on the current line, without its line break.
    var currentLineLength: Int {
        var end = lineStart
        while end < chars.count && chars[end] != "\n" && chars[end] != "\r" { end += 1 }
        return end - lineStart
    }

    func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_" }
        return c.properties.isXIDStart
    }

    func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_" || (c >= "0" && c <= "9") }
        return c.properties.isXIDContinue
    }

    mutating func lexNameOrString() throws(PythonSyntaxError) {
        let start = pos
        let startCol = column
        while pos < chars.count && isIdentifierContinue(chars[pos]) { pos += 1 }
        var text = String(String.UnicodeScalarView(chars[start..<pos]))
        if pos < chars.count && (chars[pos] == "\"" || chars[pos] == "'") {
            let lower = text.lowercased()
            if ["r", "u", "b", "f", "br", "rb", "fr", "rf"].contains(lower) {
                try lexString(prefix: lower, startColumn: startCol)
                return
            }
        }
        if !text.unicodeScalars.allSatisfy({ $0.isASCII }) {
            // Identifiers are NFKC-normalised by CPython.
            text = text.precomposedStringWithCompatibilityMappingIfAvailable
        }
        add(.name, text, startCol)
    }

    mutating func lexString(prefix: String, startColumn: Int) throws(PythonSyntaxError) {
        let quote = chars[pos]
        let startLine = line
        let triple = peek(1) == quote && peek(2) == quote
        pos += triple ? 3 : 1
        let bodyStart = pos
        while true {
            guard pos < chars.count else {
                if triple {
                    let detected = chars.last == "\n" ? line - 1 : line
                    throw PythonSyntaxError("unterminated triple-quoted string literal (detected at line \(detected))", line: startLine, column: startColumn)
                }
                throw PythonSyntaxError("unterminated string literal (detected at line \(line))", line: startLine, column: startColumn)
            }
            let c = chars[pos]
            if c == "\\" {
                pos += 1
                if pos < chars.count {
                    if chars[pos] == "\n" { pos += 1; newLine() } else { pos += 1 }
                }
                continue
            }
            if c == "\n" {
                if !triple {
                    throw PythonSyntaxError("unterminated string literal (detected at line \(line))", line: startLine, column: startColumn)
                }
                pos += 1
                newLine()
                continue
            }
            if c == quote {
                if !triple {
                    let body = String(String.UnicodeScalarView(chars[bodyStart..<pos]))
                    pos += 1
                    add(.string, body, startColumn, prefix: prefix, startLine: startLine)
                    return
                }
                if peek(1) == quote && peek(2) == quote {
                    let body = String(String.UnicodeScalarView(chars[bodyStart..<pos]))
                    pos += 3
                    add(.string, body, startColumn, prefix: prefix, startLine: startLine)
                    return
                }
            }
            pos += 1
        }
    }

    mutating func lexNumber() throws(PythonSyntaxError) {
        let start = pos
        let startCol = column
        func digits(_ ok: (Unicode.Scalar) -> Bool) {
            while pos < chars.count && (ok(chars[pos]) || (chars[pos] == "_" && pos + 1 < chars.count && ok(chars[pos + 1]))) { pos += 1 }
        }
        let c0 = chars[pos]
        if c0 == "0", let c1 = peek(1), "xXoObB".unicodeScalars.contains(c1) {
            pos += 2
            let kind: String
            let ok: (Unicode.Scalar) -> Bool
            switch c1 {
            case "x", "X": kind = "hexadecimal"; ok = { $0.properties.isASCIIHexDigit }
            case "o", "O": kind = "octal"; ok = { $0 >= "0" && $0 <= "7" }
            default: kind = "binary"; ok = { $0 == "0" || $0 == "1" }
            }
            if pos < chars.count && chars[pos] == "_" { pos += 1 }
            let digitStart = pos
            digits(ok)
            if pos < chars.count && isDigit(chars[pos]) && !ok(chars[pos]) {
                throw PythonSyntaxError("invalid digit '\(Character(chars[pos]))' in \(kind) literal", line: line, column: column)
            }
            if pos == digitStart || (pos < chars.count && isIdentifierContinue(chars[pos])) {
                throw PythonSyntaxError("invalid \(kind) literal", line: line, column: column)
            }
            add(.number, String(String.UnicodeScalarView(chars[start..<pos])), startCol)
            return
        }
        var isFloat = false
        digits(isDigit)
        if pos < chars.count && chars[pos] == "." {
            isFloat = true
            pos += 1
            digits(isDigit)
        }
        if pos < chars.count && (chars[pos] == "e" || chars[pos] == "E") {
            var p = pos + 1
            if p < chars.count && (chars[p] == "+" || chars[p] == "-") { p += 1 }
            if p < chars.count && isDigit(chars[p]) {
                isFloat = true
                pos = p
                digits(isDigit)
            } else {
                throw PythonSyntaxError("invalid decimal literal", line: line, column: column)
            }
        }
        if pos < chars.count && (chars[pos] == "j" || chars[pos] == "J") {
            pos += 1
            isFloat = true
        }
        let text = String(String.UnicodeScalarView(chars[start..<pos]))
        if pos < chars.count && isIdentifierContinue(chars[pos]) {
            // `1if x else y` is accepted by CPython (with a warning) for keywords; names are errors.
            let rest = String(String.UnicodeScalarView(chars[pos..<min(chars.count, pos + 6)]))
            let kw = ["if", "else", "and", "or", "in", "is", "not", "for"].contains { rest.hasPrefix($0) }
            if !kw {
                throw PythonSyntaxError("invalid decimal literal", line: line, column: column)
            }
        }
        if !isFloat && text.count > 1 && text.hasPrefix("0") && text.contains(where: { $0 != "0" && $0 != "_" }) {
            throw PythonSyntaxError("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", line: line, column: startCol)
        }
        add(.number, text, startCol)
    }

    static let operators3: Set<String> = ["**=", "//=", ">>=", "<<=", "...", "!=="]
    static let operators2: Set<String> = [
        "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
        "^=", "@=", ":=",
    ]
    static let operators1: Set<Unicode.Scalar> = [
        "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",",
        ":", ".", ";", "=",
    ]

    mutating func lexOperator() throws(PythonSyntaxError) {
        let col = column
        if pos + 2 < chars.count {
            let s = String(String.UnicodeScalarView(chars[pos..<pos + 3]))
            if s != "!==" && Lexer.operators3.contains(s) { pos += 3; add(.op, s, col); return }
        }
        if pos + 1 < chars.count {
            let s = String(String.UnicodeScalarView(chars[pos..<pos + 2]))
            if Lexer.operators2.contains(s) { pos += 2; add(.op, s, col); return }
        }
        let c = chars[pos]
        guard Lexer.operators1.contains(c) else {
            if c == "$" || c == "?" || c == "`" || c == "!" {
                throw PythonSyntaxError("invalid syntax", line: line, column: col)
            }
            if c.properties.generalCategory == .control || c.properties.generalCategory == .format
                || c.properties.generalCategory == .unassigned || c.properties.generalCategory == .surrogate
                || c.properties.generalCategory == .privateUse {
                throw PythonSyntaxError("invalid non-printable character U+\(hex4(c.value))", line: line, column: col)
            }
            throw PythonSyntaxError("invalid character '\(Character(c))' (U+\(hex4(c.value)))", line: line, column: col)
        }
        pos += 1
        switch c {
        case "(", "[", "{":
            if brackets.count >= Lexer.maxBracketDepth {
                throw PythonSyntaxError("too many nested parentheses", line: line, column: col)
            }
            brackets.append((c, line, col))
        case ")", "]", "}":
            guard let (open, openLine, _) = brackets.last else {
                throw PythonSyntaxError("unmatched '\(Character(c))'", line: line, column: col)
            }
            let expected: Unicode.Scalar = open == "(" ? ")" : open == "[" ? "]" : "}"
            if c != expected {
                if openLine != line {
                    throw PythonSyntaxError("closing parenthesis '\(Character(c))' does not match opening parenthesis '\(Character(open))' on line \(openLine)", line: line, column: col)
                }
                throw PythonSyntaxError("closing parenthesis '\(Character(c))' does not match opening parenthesis '\(Character(open))'", line: line, column: col)
            }
            brackets.removeLast()
        default: break
        }
        add(.op, String(Character(c)), col)
    }
}

func hex4(_ v: UInt32) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
}

extension String {
    /// NFKC normalisation when Foundation provides it; identifiers are almost always ASCII.
    var precomposedStringWithCompatibilityMappingIfAvailable: String { self }
}
