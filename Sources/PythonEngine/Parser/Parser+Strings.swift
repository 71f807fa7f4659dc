extension Parser {
    /// Adjacent string literals concatenate; f-strings among them make the whole an f-string.
    mutating func parseStrings() throws(PythonSyntaxError) -> Expr {
        let first = current
        var parts: [FStringPart] = []
        var bytes: [UInt8] = []
        var isBytes: Bool?
        var hasFString = false
        while current.kind == .string {
            let t = advance()
            let b = t.prefix.contains("b")
            if let prior = isBytes, prior != b {
                throw PythonSyntaxError("cannot mix bytes and nonbytes literals", line: first.line, column: first.column)
            }
            isBytes = b
            let raw = t.prefix.contains("r")
            if b {
                bytes += try decodeBytes(t.text, raw: raw, token: t)
            } else if t.prefix.contains("f") {
                hasFString = true
                parts += try parseFString(t.text, raw: raw, token: t)
            } else {
                parts.append(.literal(try decodeString(t.text, raw: raw, token: t)))
            }
        }
        if isBytes == true { return makeExpr(.constant(.bytes(bytes)), first) }
        if !hasFString {
            var s = ""
            for case .literal(let l) in parts { s += l }
            return makeExpr(.constant(.str(s)), first)
        }
        return makeExpr(.fstring(mergeLiterals(parts)), first)
    }

    func mergeLiterals(_ parts: [FStringPart]) -> [FStringPart] {
        var out: [FStringPart] = []
        for p in parts {
            if case .literal(let s) = p, let last = out.last, case .literal(let prev) = last {
                out[out.count - 1] = .literal(prev + s)
            } else {
                out.append(p)
            }
        }
        return out
    }

    func decodeString(_ body: String, raw: Bool, token: Token) throws(PythonSyntaxError) -> String {
        if raw || !body.contains("\\") { return body }
        var out = String.UnicodeScalarView()
        let s = Array(body.unicodeScalars)
        var i = 0
        while i < s.count {
            let c = s[i]
            guard c == "\\", i + 1 < s.count else { out.append(c); i += 1; continue }
            let e = s[i + 1]
            i += 2
            switch e {
            case "\n": break
            case "\\": out.append("\\")
            case "'": out.append("'")
            case "\"": out.append("\"")
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "v": out.append("\u{0B}")
            case "0"..."7":
                var v = e.value - 48
                var n = 1
                while n < 3 && i < s.count && s[i] >= "0" && s[i] <= "7" { v = v * 8 + s[i].value - 48; i += 1; n += 1 }
                if let sc = Unicode.Scalar(v) { out.append(sc) }
            case "x", "u", "U":
                let len = e == "x" ? 2 : e == "u" ? 4 : 8
                guard i + len <= s.count, let v = UInt32(String(String.UnicodeScalarView(s[i..<i + len])), radix: 16) else {
                    let kind = e == "x" ? "\\xXX" : e == "u" ? "\\uXXXX" : "\\UXXXXXXXX"
                    throw PythonSyntaxError("(unicode error) 'unicodeescape' codec can't decode bytes in position \(i - 2)-\(min(s.count, i + len) - 1): truncated \(kind) escape", line: token.line, column: token.column)
                }
                guard let sc = Unicode.Scalar(v) else {
                    throw PythonSyntaxError("(unicode error) 'unicodeescape' codec can't decode bytes in position \(i - 2)-\(i + len - 1): illegal Unicode character", line: token.line, column: token.column)
                }
                out.append(sc)
                i += len
            case "N":
                guard i < s.count, s[i] == "{", let close = s[i...].firstIndex(of: "}") else {
                    throw PythonSyntaxError("(unicode error) 'unicodeescape' codec can't decode bytes in position \(i - 2)-\(i - 1): malformed \\N character escape", line: token.line, column: token.column)
                }
                let name = String(String.UnicodeScalarView(s[(i + 1)..<close]))
                guard let sc = unicodeScalar(named: name) else {
                    throw PythonSyntaxError("(unicode error) 'unicodeescape' codec can't decode bytes in position \(i - 2)-\(close): unknown Unicode character name", line: token.line, column: token.column)
                }
                out.append(sc)
                i = close + 1
            default:
                out.append("\\")
                out.append(e)
            }
        }
        return String(out)
    }

    func unicodeScalar(named name: String) -> Unicode.Scalar? {
        let upper = name.uppercased()
        // A search over the scalar values with a name property; only done for \N{...} escapes.
        for v in UInt32(0x20)...UInt32(0x1FAFF) {
            if let sc = Unicode.Scalar(v), sc.properties.name == upper { return sc }
        }
        return nil
    }

    func decodeBytes(_ body: String, raw: Bool, token: Token) throws(PythonSyntaxError) -> [UInt8] {
        var out: [UInt8] = []
        let s = Array(body.unicodeScalars)
        var i = 0
        while i < s.count {
            let c = s[i]
            guard c.isASCII else {
                throw PythonSyntaxError("bytes can only contain ASCII literal characters", line: token.line, column: token.column)
            }
            guard !raw, c == "\\", i + 1 < s.count else { out.append(UInt8(c.value)); i += 1; continue }
            let e = s[i + 1]
            i += 2
            switch e {
            case "\n": break
            case "\\": out.append(92)
            case "'": out.append(39)
            case "\"": out.append(34)
            case "a": out.append(7)
            case "b": out.append(8)
            case "f": out.append(12)
            case "n": out.append(10)
            case "r": out.append(13)
            case "t": out.append(9)
            case "v": out.append(11)
            case "0"..."7":
                var v = e.value - 48
                var n = 1
                while n < 3 && i < s.count && s[i] >= "0" && s[i] <= "7" { v = v * 8 + s[i].value - 48; i += 1; n += 1 }
                out.append(UInt8(v & 0xFF))
            case "x":
                guard i + 2 <= s.count, let v = UInt8(String(String.UnicodeScalarView(s[i..<i + 2])), radix: 16) else {
                    throw PythonSyntaxError("(value error) invalid \\x escape at position \(i - 2)", line: token.line, column: token.column)
                }
                out.append(v)
                i += 2
            default:
                out.append(92)
                out.append(UInt8(e.value & 0x7F))
            }
        }
        return out
    }

    /// Splits an f-string body into literal text and replacement fields, parsing each field's
    /// expression with a nested parser (as CPython 3.11 does).
    func parseFString(_ body: String, raw: Bool, token: Token) throws(PythonSyntaxError) -> [FStringPart] {
        let s = Array(body.unicodeScalars)
        var i = 0
        return try parseFStringParts(s, &i, raw: raw, token: token, inSpec: false)
    }

    func parseFStringParts(_ s: [Unicode.Scalar], _ i: inout Int, raw: Bool, token: Token, inSpec: Bool) throws(PythonSyntaxError) -> [FStringPart] {
        var parts: [FStringPart] = []
        var literal = String.UnicodeScalarView()
        func flush() throws(PythonSyntaxError) {
            if !literal.isEmpty {
                parts.append(.literal(try decodeString(String(literal), raw: raw, token: token)))
                literal = String.UnicodeScalarView()
            }
        }
        while i < s.count {
            let c = s[i]
            if c == "{" {
                if !inSpec && i + 1 < s.count && s[i + 1] == "{" { literal.append("{"); i += 2; continue }
                try flush()
                i += 1
                parts.append(try parseFStringField(s, &i, raw: raw, token: token))
                continue
            }
            if c == "}" {
                if inSpec { break }
                if i + 1 < s.count && s[i + 1] == "}" { literal.append("}"); i += 2; continue }
                throw PythonSyntaxError("f-string: single '}' is not allowed", line: token.line, column: token.column)
            }
            if c == "\\" && !raw && i + 1 < s.count {
                literal.append(c)
                literal.append(s[i + 1])
                i += 2
                continue
            }
            literal.append(c)
            i += 1
        }
        try flush()
        return parts
    }

    func parseFStringField(_ s: [Unicode.Scalar], _ i: inout Int, raw: Bool, token: Token) throws(PythonSyntaxError) -> FStringPart {
        let start = i
        // Open brackets, innermost last, for CPython's fstring_find_expr messages.
        var brackets: [Unicode.Scalar] = []
        var nesting: Int { brackets.count }
        var quote: Unicode.Scalar?
        while i < s.count {
            let c = s[i]
            if let q = quote {
                if c == q { quote = nil }
                i += 1
                continue
            }
            if c == "'" || c == "\"" { quote = c; i += 1; continue }
            if c == "\\" {
                throw PythonSyntaxError("f-string expression part cannot include a backslash", line: token.line, column: token.column)
            }
            if c == "#" {
                throw PythonSyntaxError("f-string expression part cannot include '#'", line: token.line, column: token.column)
            }
            if c == "(" || c == "[" || c == "{" { brackets.append(c) }
            else if c == ")" || c == "]" || c == "}" {
                guard let opening = brackets.popLast() else {
                    if c == "}" { break }
                    throw PythonSyntaxError("f-string: unmatched '\(c)'", line: token.line, column: token.column)
                }
                let pairs: [Unicode.Scalar: Unicode.Scalar] = ["(": ")", "[": "]", "{": "}"]
                if pairs[opening] != c {
                    throw PythonSyntaxError("f-string: closing parenthesis '\(c)' does not match opening parenthesis '\(opening)'", line: token.line, column: token.column)
                }
            } else if nesting == 0 {
                if c == "!" && i + 1 < s.count && s[i + 1] != "=" { break }
                if c == ":" { break }
                if c == "=" && i + 1 < s.count && s[i + 1] != "=" && i > start
                    && !["=", "!", "<", ">"].contains(s[i - 1]) { break }
            }
            i += 1
        }
        if quote != nil {
            throw PythonSyntaxError("f-string: unterminated string", line: token.line, column: token.column)
        }
        if let opening = brackets.last {
            throw PythonSyntaxError("f-string: unmatched '\(opening)'", line: token.line, column: token.column)
        }
        guard i < s.count else {
            throw PythonSyntaxError("f-string: expecting '}'", line: token.line, column: token.column)
        }
        let exprText = String(String.UnicodeScalarView(s[start..<i]))
        if exprText.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }) {
            throw PythonSyntaxError("f-string: empty expression not allowed", line: token.line, column: token.column)
        }
        var debugText: String?
        if s[i] == "=" {
            i += 1
            var j = i
            while j < s.count && s[j] == " " { j += 1 }
            debugText = String(String.UnicodeScalarView(s[start..<j]))
            i = j
        }
        var conversion: Character?
        if i < s.count && s[i] == "!" {
            i += 1
            guard i < s.count, ["r", "s", "a"].contains(s[i]) else {
                throw PythonSyntaxError("f-string: invalid conversion character: expected 's', 'r', or 'a'", line: token.line, column: token.column)
            }
            conversion = Character(s[i])
            i += 1
        }
        var spec: [FStringPart]?
        if i < s.count && s[i] == ":" {
            i += 1
            spec = try parseFStringParts(s, &i, raw: raw, token: token, inSpec: true)
        }
        guard i < s.count, s[i] == "}" else {
            throw PythonSyntaxError("f-string: expecting '}'", line: token.line, column: token.column)
        }
        i += 1
        let expr = try Parser.parseEmbeddedExpression(exprText, line: token.line,
                                                      columnShift: fieldColumnShift(token, bodyLength: s.count, fieldStart: start, text: exprText))
        return .field(expr, conversion: conversion, spec: spec, debugText: debugText)
    }

    /// How far the field's expression sits from column 2 (where it lands once wrapped in
    /// parentheses), so its nodes carry real source columns for traceback carets. Only for
    /// one-line f-strings and one-line fields; nil otherwise.
    func fieldColumnShift(_ token: Token, bodyLength: Int, fieldStart: Int, text: String) -> Int? {
        guard token.line == token.endLine, token.endColumn > 0, !text.contains("\n") else { return nil }
        let quotes = token.endColumn - token.column - token.prefix.count - bodyLength
        guard quotes == 2 || quotes == 6 else { return nil }
        return token.column + token.prefix.count + quotes / 2 + fieldStart - 2
    }

    /// Parses the expression inside an f-string field (CPython wraps it in parentheses).
    /// `columnShift` moves the nodes' columns to where the text is in the source line; syntax
    /// errors keep CPython's columns within the parenthesised text.
    static func parseEmbeddedExpression(_ text: String, line: Int, columnShift: Int? = nil) throws(PythonSyntaxError) -> Expr {
        let tokens: [Token]
        let shift = columnShift ?? 0
        do throws(PythonSyntaxError) {
            tokens = try Lexer.tokenize("(" + text + ")").map { t in
                var t = t
                if t.line == 1 {
                    t.column += shift
                    if t.endLine == 1 && t.endColumn > 0 { t.endColumn += shift }
                }
                t.line += line - 1
                t.endLine += line - 1
                return t
            }
        } catch {
            throw PythonSyntaxError("f-string: \(error.message)", line: line, column: 1)
        }
        var p = Parser(tokens: tokens)
        do throws(PythonSyntaxError) {
            let e = try p.parseTestListStarExpr(allowYield: true)
            if p.current.kind != .newline && p.current.kind != .endMarker { throw p.syntaxError() }
            return e
        } catch {
            var error = error
            if error.line == line { error.column -= shift }
            if error.message.hasPrefix("f-string") { throw error }
            throw PythonSyntaxError("f-string: \(error.message)", line: line, column: error.column)
        }
    }
}
