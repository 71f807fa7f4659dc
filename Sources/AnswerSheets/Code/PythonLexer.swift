/// A forgiving tokenizer for one physical line of Python, just precise enough to tell a line of
/// code from a line of English or program output. It is not the engine's lexer: it never fails,
/// it records what it could not make sense of (`unknown`) so the scorer can weigh it.
struct PythonLexer {
    enum Token: Equatable {
        case name(String)
        case keyword(String)
        case number
        case string
        case op(String)
        case open(Character)
        case close(Character)
        /// A character Python does not allow outside strings and comments (`?`, `$`, `•`, `!` ...).
        case unknown(Character)

        /// Something that can stand on either side of a binary operator.
        var isOperand: Bool {
            switch self {
            case .name, .number, .string: return true
            case .keyword(let k): return PythonLexer.valueKeywords.contains(k)
            default: return false
            }
        }
    }

    /// What carries over from one physical line to the next.
    struct State: Equatable {
        var depth = 0
        /// The closing delimiter of an unterminated triple-quoted string (`"""` or `'''`).
        var openTriple: String?
        var endsWithBackslash = false

        var isContinuing: Bool { depth > 0 || openTriple != nil || endsWithBackslash }
    }

    struct Line {
        var tokens: [Token]
        var comment: Bool
        var unterminatedString: Bool
        var usesCurlyQuotes: Bool
        /// Brackets closed that were not opened on this line (or before it).
        var unbalancedClose: Bool
    }

    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
        "try", "while", "with", "yield",
    ]
    static let valueKeywords: Set<String> = ["True", "False", "None"]

    static func lex(_ text: some StringProtocol, state: inout State) -> Line {
        let chars = Array(text)
        var tokens: [Token] = []
        var index = 0
        var comment = false, unterminated = false, curly = false, unbalancedClose = false
        state.endsWithBackslash = false

        if let closing = state.openTriple {
            if let end = find(closing, in: chars, from: 0) {
                index = end + 3
                state.openTriple = nil
                tokens.append(.string)
            } else {
                return Line(tokens: [.string], comment: false, unterminatedString: false, usesCurlyQuotes: false, unbalancedClose: false)
            }
        }

        while index < chars.count {
            let c = chars[index]
            if c == " " || c == "\t" || c == "\u{A0}" { index += 1; continue }
            if c == "#" { comment = true; break }
            if c == "\\" && index == chars.count - 1 { state.endsWithBackslash = true; break }
            // Strings, with their prefixes.
            if let quoteStart = stringStart(chars, at: index) {
                let quote = chars[quoteStart]
                if quote == "\u{201C}" || quote == "\u{2018}" || quote == "\u{201D}" || quote == "\u{2019}" { curly = true }
                let isTriple = quoteStart + 2 < chars.count && chars[quoteStart + 1] == quote && chars[quoteStart + 2] == quote
                if isTriple {
                    let delimiter = String(repeating: String(quote), count: 3)
                    if let end = find(delimiter, in: chars, from: quoteStart + 3) {
                        index = end + 3
                    } else {
                        state.openTriple = delimiter
                        tokens.append(.string)
                        index = chars.count
                        break
                    }
                } else {
                    let closing: Set<Character> = quote == "\u{201C}" || quote == "\u{201D}" ? ["\u{201C}", "\u{201D}"]
                        : quote == "\u{2018}" || quote == "\u{2019}" ? ["\u{2018}", "\u{2019}"] : [quote]
                    var j = quoteStart + 1
                    var closed = false
                    while j < chars.count {
                        if chars[j] == "\\" { j += 2; continue }
                        if closing.contains(chars[j]) { closed = true; break }
                        j += 1
                    }
                    if !closed { unterminated = true }
                    index = closed ? j + 1 : chars.count
                }
                tokens.append(.string)
                continue
            }
            if c.isLetter || c == "_" {
                var j = index
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { j += 1 }
                let word = String(chars[index..<j])
                tokens.append(keywords.contains(word) ? .keyword(word) : .name(word))
                index = j
                continue
            }
            if c.isASCII && c.isNumber || (c == "." && index + 1 < chars.count && chars[index + 1].isASCII && chars[index + 1].isNumber) {
                var j = index
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" || chars[j] == "."
                    || ((chars[j] == "+" || chars[j] == "-") && j > index && (chars[j - 1] == "e" || chars[j - 1] == "E")) { j += 1 }
                tokens.append(.number)
                index = j
                continue
            }
            if c == "(" || c == "[" || c == "{" {
                state.depth += 1
                tokens.append(.open(c))
                index += 1
                continue
            }
            if c == ")" || c == "]" || c == "}" {
                if state.depth == 0 { unbalancedClose = true } else { state.depth -= 1 }
                tokens.append(.close(c))
                index += 1
                continue
            }
            if let op = operatorAt(chars, index) {
                tokens.append(.op(op))
                index += op.count
                continue
            }
            tokens.append(.unknown(c))
            index += 1
        }
        return Line(tokens: tokens, comment: comment, unterminatedString: unterminated, usesCurlyQuotes: curly, unbalancedClose: unbalancedClose)
    }

    private static let quoteCharacters: Set<Character> = ["\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}"]
    private static let prefixLetters: Set<Character> = ["r", "R", "b", "B", "f", "F", "u", "U"]

    /// Index of the opening quote if a string literal (with an optional prefix) starts here.
    private static func stringStart(_ chars: [Character], at index: Int) -> Int? {
        if quoteCharacters.contains(chars[index]) { return index }
        var j = index
        while j < chars.count, j - index < 2, prefixLetters.contains(chars[j]) { j += 1 }
        guard j > index, j < chars.count, quoteCharacters.contains(chars[j]) else { return nil }
        // `it's` style apostrophes in English are not string prefixes: the prefix must not be
        // glued to a preceding identifier character.
        if index > 0, chars[index - 1].isLetter || chars[index - 1].isNumber || chars[index - 1] == "_" { return nil }
        return j
    }

    private static func find(_ needle: String, in chars: [Character], from start: Int) -> Int? {
        let pattern = Array(needle)
        guard chars.count >= pattern.count, start <= chars.count - pattern.count else { return nil }
        var i = start
        while i <= chars.count - pattern.count {
            if chars[i] == "\\" { i += 2; continue }
            if chars[i] == pattern[0] && Array(chars[i..<(i + pattern.count)]) == pattern { return i }
            i += 1
        }
        return nil
    }

    private static let operators: [[Character]] = [
        "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
        "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "=", ".", ",", ":", ";",
    ].map { Array($0) }

    private static func operatorAt(_ chars: [Character], _ index: Int) -> String? {
        for op in operators where index + op.count <= chars.count {
            var matches = true
            for (offset, c) in op.enumerated() where chars[index + offset] != c { matches = false; break }
            if matches { return String(op) }
        }
        return nil
    }
}
