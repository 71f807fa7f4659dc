/// Scores how much one logical line looks like Python, from 0 (English, program output) to 1
/// (unmistakably a statement: `import x`, `def f(...):`, `for i in range(4):`).
///
/// The discriminating signals are grammatical, not lexical: English puts two words side by side
/// ("process has finished"), Python almost never does without an operator or a keyword such as
/// `in`/`is`/`and` between them; a compound statement ends with a colon; an import names dotted
/// modules. Literals on their own (`[0, 1, 4]`, `100`) are valid Python but are what a program
/// prints, so they score low.
struct PythonLineScorer: Sendable {
    enum Kind: Equatable, Sendable {
        case blank
        case comment
        /// `def`, `class`, `if`, `for`, `while`, `with`, `try`, `except`, ... (with a colon)
        case compoundHeader
        case importStatement
        case simpleStatement
        case decorator
        case assignment
        case call
        case expression
        case literal
        case annotation
        /// A shell escape or magic (`!pip install`, `%timeit`).
        case magic
        case notCode
    }

    struct Score: Equatable, Sendable {
        var kind: Kind
        var value: Double
        /// The line opens a block (ends with a colon).
        var opensBlock: Bool

        /// Strong enough to start a code cell where none was marked.
        var startsCode: Bool { value >= 0.8 }
    }

    static let strongStarters: Set<String> = [
        "def", "class", "if", "elif", "else", "for", "while", "with", "try", "except", "finally",
        "import", "from", "return", "yield", "raise", "pass", "break", "continue", "global",
        "nonlocal", "assert", "del", "async", "await", "lambda",
    ]
    private static let typeNames: Set<String> = [
        "int", "str", "float", "bool", "list", "dict", "tuple", "set", "bytes", "object", "Any",
        "List", "Dict", "Tuple", "Set", "Optional", "Callable", "Iterable", "Sequence",
    ]
    /// Keywords that join two operands inside an expression.
    private static let infixKeywords: Set<String> = ["and", "or", "not", "in", "is", "if", "else", "for", "lambda", "await", "async", "yield", "from", "as"]

    /// Scores a line that starts a logical line (not a continuation inside brackets or strings).
    /// `knownNames` are names the surrounding code defined, which makes a bare name plausible.
    func score(_ text: String, knownNames: Set<String> = []) -> Score {
        // `p.start(); p.join()`: each statement must read as code; the weakest one counts.
        let statements = Self.splitStatements(text)
        if statements.count > 1 {
            let scores = statements.map { scoreStatement($0, knownNames: knownNames) }
            guard var weakest = scores.min(by: { $0.value < $1.value }) else { return scoreStatement(text, knownNames: knownNames) }
            weakest.kind = scores[0].kind
            return weakest
        }
        return scoreStatement(text, knownNames: knownNames)
    }

    /// Splits at semicolons outside strings and brackets; a trailing semicolon is dropped.
    static func splitStatements(_ text: String) -> [String] {
        guard text.contains(";") else { return [text] }
        var parts: [String] = []
        var current = ""
        var quote: Character?
        var depth = 0
        var escaped = false
        for c in text {
            if let q = quote {
                current.append(c)
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == q { quote = nil }
                continue
            }
            switch c {
            case "\"", "'": quote = c; current.append(c)
            case "#":  // a comment ends the line
                parts.append(current)
                return parts.filter { !$0.trimmingBlanks().isEmpty }
            case "(", "[", "{": depth += 1; current.append(c)
            case ")", "]", "}": depth -= 1; current.append(c)
            case ";" where depth == 0: parts.append(current); current = ""
            default: current.append(c)
            }
        }
        parts.append(current)
        return parts.filter { !$0.trimmingBlanks().isEmpty }
    }

    private func scoreStatement(_ text: String, knownNames: Set<String>) -> Score {
        let trimmed = text.trimmingBlanks()
        guard let first = trimmed.first else { return Score(kind: .blank, value: 0, opensBlock: false) }
        if first == "#" { return Score(kind: .comment, value: 0.5, opensBlock: false) }
        if first == "!" || first == "%" {
            let rest = trimmed.dropFirst()
            if let word = rest.split(separator: " ").first, word.allSatisfy({ $0.isLetter || $0 == "_" }), ["pip", "timeit", "time", "matplotlib", "load_ext", "conda", "python", "ls", "cat"].contains(String(word)) {
                return Score(kind: .magic, value: 0.6, opensBlock: false)
            }
        }
        var state = PythonLexer.State()
        let line = PythonLexer.lex(trimmed, state: &state)
        let tokens = line.tokens
        guard !tokens.isEmpty else { return Score(kind: .comment, value: 0.5, opensBlock: false) }
        if line.unterminatedString || line.unbalancedClose || tokens.contains(where: { if case .unknown = $0 { return true } else { return false } }) {
            // A Python 2 print statement or an f-string gone wrong is still code a student wrote.
            if case .name("print") = tokens[0], tokens.count > 1, !line.unterminatedString, tokens[1] != .open("(") {
                return Score(kind: .simpleStatement, value: 0.6, opensBlock: false)
            }
            return Score(kind: .notCode, value: 0, opensBlock: false)
        }
        let endsWithColon = tokens.last == .op(":")
        let adjacencyOK = Self.operandsAreJoined(tokens)

        if case .keyword(let keyword) = tokens[0] {
            return scoreKeywordStatement(keyword, tokens: tokens, endsWithColon: endsWithColon, adjacencyOK: adjacencyOK, stillOpen: state.isContinuing)
        }
        if tokens[0] == .op("@"), tokens.count >= 2, case .name = tokens[1] {
            return Score(kind: .decorator, value: 0.9, opensBlock: false)
        }
        // Python 2 `print "x"`: code, though broken.
        if case .name("print") = tokens[0], tokens.count > 1, tokens[1] == .string || Self.isName(tokens[1]) {
            return Score(kind: .simpleStatement, value: 0.6, opensBlock: false)
        }
        guard adjacencyOK else { return Score(kind: .notCode, value: 0, opensBlock: false) }
        guard tokens[0].isOperand || tokens[0] == .open("(") || tokens[0] == .open("[") || tokens[0] == .open("{") || tokens[0] == .op("*") || tokens[0] == .op("-") || tokens[0] == .keyword("not") else {
            return Score(kind: .notCode, value: 0, opensBlock: false)
        }
        // A trailing operator other than an opening bracket means English punctuation
        // (`Note.`, `Multiprocessing:`), unless the line continues in brackets.
        if let last = tokens.last, case .op(let op) = last, !state.isContinuing, op != "," {
            return Score(kind: .notCode, value: 0, opensBlock: false)
        }

        if let assignIndex = Self.topLevelAssignment(tokens) {
            let target = tokens[..<assignIndex]
            if Self.isAssignmentTarget(target) && assignIndex + 1 < tokens.count || state.isContinuing {
                return Score(kind: .assignment, value: 0.9, opensBlock: false)
            }
            return Score(kind: .notCode, value: 0, opensBlock: false)
        }
        if let colonIndex = tokens.firstIndex(of: .op(":")), Self.depthBefore(colonIndex, in: tokens) == 0 {
            // `x: int = 3` is an annotation; `Square: 100` is what print("Square:", 100) wrote.
            if colonIndex + 1 < tokens.count, case .name(let type) = tokens[colonIndex + 1], Self.typeNames.contains(type) {
                return Score(kind: .annotation, value: 0.7, opensBlock: false)
            }
            return Score(kind: .annotation, value: 0.1, opensBlock: false)
        }
        if Self.isCall(tokens) {
            let isPrint = tokens.first == .name("print")
            return Score(kind: .call, value: isPrint ? 0.9 : 0.8, opensBlock: false)
        }
        if Self.isLiteralOnly(tokens) {
            return Score(kind: .literal, value: 0.1, opensBlock: false)
        }
        // A bare expression: a notebook cell's last line shows a value (`results`). Plausible when
        // it uses names the code defined.
        let names = tokens.compactMap { token -> String? in if case .name(let n) = token { return n } else { return nil } }
        if !names.isEmpty && names.allSatisfy({ knownNames.contains($0) }) {
            return Score(kind: .expression, value: 0.7, opensBlock: false)
        }
        return Score(kind: .expression, value: 0.3, opensBlock: false)
    }

    private func scoreKeywordStatement(_ keyword: String, tokens: [PythonLexer.Token], endsWithColon: Bool, adjacencyOK: Bool, stillOpen: Bool) -> Score {
        let count = tokens.count
        switch keyword {
        case "import":
            return Self.isImportList(tokens.dropFirst()) ? Score(kind: .importStatement, value: 1, opensBlock: false) : Score(kind: .notCode, value: 0, opensBlock: false)
        case "from":
            guard let importIndex = tokens.firstIndex(of: .keyword("import")), importIndex >= 2,
                  Self.isDottedName(tokens[1..<importIndex], allowLeadingDots: true) else { return Score(kind: .notCode, value: 0, opensBlock: false) }
            let names = tokens[(importIndex + 1)...]
            if names.first == .op("*") && names.count == 1 || names.first == .open("(") || Self.isImportList(names) {
                return Score(kind: .importStatement, value: 1, opensBlock: false)
            }
            return Score(kind: .notCode, value: 0, opensBlock: false)
        case "def":
            guard count >= 3, Self.isName(tokens[1]), tokens[2] == .open("(") else { return Score(kind: .notCode, value: 0, opensBlock: false) }
            return Score(kind: .compoundHeader, value: endsWithColon || stillOpen ? 1 : 0.9, opensBlock: true)
        case "class":
            guard count >= 2, Self.isName(tokens[1]), count == 2 || tokens[2] == .op(":") || tokens[2] == .open("(") else { return Score(kind: .notCode, value: 0, opensBlock: false) }
            return Score(kind: .compoundHeader, value: endsWithColon || stillOpen ? 1 : 0.8, opensBlock: true)
        case "if", "elif", "while":
            guard count >= 2, adjacencyOK else { return Score(kind: .notCode, value: 0, opensBlock: false) }
            if endsWithColon { return Score(kind: .compoundHeader, value: 1, opensBlock: true) }
            // A missing colon is a syntax error students make; still code if it reads as a test.
            let hasOperator = tokens.contains { if case .op(let o) = $0 { return ["==", "!=", "<", ">", "<=", ">="].contains(o) } else { return false } }
            return hasOperator || tokens.contains(.open("(")) ? Score(kind: .compoundHeader, value: 0.8, opensBlock: true) : Score(kind: .notCode, value: 0, opensBlock: false)
        case "for":
            guard count >= 4, adjacencyOK, tokens.contains(.keyword("in")) else { return Score(kind: .notCode, value: 0, opensBlock: false) }
            return Score(kind: .compoundHeader, value: endsWithColon ? 1 : 0.8, opensBlock: true)
        case "with":
            guard count >= 2, adjacencyOK else { return Score(kind: .notCode, value: 0, opensBlock: false) }
            return Score(kind: .compoundHeader, value: endsWithColon ? 1 : 0.7, opensBlock: true)
        case "else", "try", "finally":
            return count == 2 && endsWithColon ? Score(kind: .compoundHeader, value: 1, opensBlock: true) : Score(kind: .notCode, value: 0, opensBlock: false)
        case "except":
            guard endsWithColon, adjacencyOK else { return Score(kind: .notCode, value: 0, opensBlock: false) }
            return Score(kind: .compoundHeader, value: 1, opensBlock: true)
        case "async":
            return count >= 2 && (tokens[1] == .keyword("def") || tokens[1] == .keyword("with") || tokens[1] == .keyword("for")) ? Score(kind: .compoundHeader, value: 1, opensBlock: true) : Score(kind: .notCode, value: 0, opensBlock: false)
        case "pass", "break", "continue":
            return count == 1 ? Score(kind: .simpleStatement, value: 0.9, opensBlock: false) : Score(kind: .notCode, value: 0, opensBlock: false)
        case "return", "yield", "raise", "del", "assert", "await":
            guard adjacencyOK else { return Score(kind: .notCode, value: 0, opensBlock: false) }
            if let last = tokens.last, case .op(let op) = last, op != ")" , !stillOpen { return Score(kind: .notCode, value: 0, opensBlock: false) }
            return Score(kind: .simpleStatement, value: count == 1 ? 0.8 : 0.9, opensBlock: false)
        case "global", "nonlocal":
            return count >= 2 && adjacencyOK ? Score(kind: .simpleStatement, value: 0.9, opensBlock: false) : Score(kind: .notCode, value: 0, opensBlock: false)
        case "True", "False", "None":
            return adjacencyOK && Self.isLiteralOnly(tokens) ? Score(kind: .literal, value: 0.1, opensBlock: false) : Score(kind: .notCode, value: 0, opensBlock: false)
        case "lambda", "not":
            return adjacencyOK ? Score(kind: .expression, value: 0.4, opensBlock: false) : Score(kind: .notCode, value: 0, opensBlock: false)
        default:
            return Score(kind: .notCode, value: 0, opensBlock: false)
        }
    }

    // MARK: - Grammar checks

    /// No two operands side by side without an operator or a joining keyword between them
    /// (string literals may be adjacent: implicit concatenation).
    static func operandsAreJoined(_ tokens: [PythonLexer.Token]) -> Bool {
        var previous: PythonLexer.Token?
        for token in tokens {
            defer { previous = token }
            guard let previous else { continue }
            let previousEndsOperand = previous.isOperand || { if case .close = previous { return true } else { return false } }()
            if previousEndsOperand && token.isOperand {
                if previous == .string && token == .string { continue }
                return false
            }
            if case .close = previous, case .open = token { continue }  // f(x)(y), a[0][1]
        }
        return true
    }

    static func isName(_ token: PythonLexer.Token) -> Bool {
        if case .name = token { return true }
        return false
    }

    static func isDottedName(_ tokens: ArraySlice<PythonLexer.Token>, allowLeadingDots: Bool = false) -> Bool {
        var expectName = true
        var sawName = false
        for token in tokens {
            if expectName {
                if isName(token) { expectName = false; sawName = true; continue }
                if allowLeadingDots && !sawName && (token == .op(".") || token == .op("...")) { continue }
                return false
            } else {
                guard token == .op(".") else { return false }
                expectName = true
            }
        }
        return sawName && !expectName || (allowLeadingDots && !sawName && !tokens.isEmpty)
    }

    /// `a.b as c, d` (what follows `import`).
    static func isImportList(_ tokens: ArraySlice<PythonLexer.Token>) -> Bool {
        guard !tokens.isEmpty else { return false }
        var items = tokens.split(separator: .op(","), omittingEmptySubsequences: false)
        if items.last?.isEmpty == true && items.count > 1 { items.removeLast() }
        return items.allSatisfy { item in
            if let asIndex = item.firstIndex(of: .keyword("as")) {
                return isDottedName(item[item.startIndex..<asIndex]) && item.index(after: asIndex) == item.endIndex - 1 && isName(item[item.endIndex - 1])
            }
            return isDottedName(item)
        }
    }

    static func depthBefore(_ index: Int, in tokens: [PythonLexer.Token]) -> Int {
        var depth = 0
        for token in tokens[..<index] {
            if case .open = token { depth += 1 }
            if case .close = token { depth -= 1 }
        }
        return depth
    }

    /// Index of a top-level `=` or augmented assignment operator.
    static func topLevelAssignment(_ tokens: [PythonLexer.Token]) -> Int? {
        var depth = 0
        for (index, token) in tokens.enumerated() {
            switch token {
            case .open: depth += 1
            case .close: depth -= 1
            case .op(let op) where depth == 0:
                if op == "=" || (op.count >= 2 && op.hasSuffix("=") && !["==", "!=", "<=", ">="].contains(op)) { return index }
            case .keyword("lambda") where depth == 0:
                return nil
            default: break
            }
        }
        return nil
    }

    /// Names, attributes, subscripts, tuples of them, starred: what may stand left of `=`.
    static func isAssignmentTarget(_ tokens: ArraySlice<PythonLexer.Token>) -> Bool {
        guard let first = tokens.first else { return false }
        guard isName(first) || first == .open("(") || first == .open("[") || first == .op("*") else { return false }
        var depth = 0
        for token in tokens {
            switch token {
            case .open: depth += 1
            case .close: depth -= 1
            case .name, .number, .string: continue
            case .op(let op): if depth == 0 && ![".", ",", "*", ":"].contains(op) { return false }
            case .keyword: if depth == 0 { return false }
            case .unknown: return false
            }
        }
        return depth == 0
    }

    /// The whole line is one call (or a chain ending in one): `p.start()`, `print(x)`,
    /// `Pool(4).map(f, data)`.
    static func isCall(_ tokens: [PythonLexer.Token]) -> Bool {
        guard isName(tokens[0]), tokens.last == .close(")") || tokens.contains(.open("(")) else { return false }
        var depth = 0
        var sawCallAtTopLevel = false
        for (index, token) in tokens.enumerated() {
            switch token {
            case .open("("):
                if depth == 0, index > 0, isName(tokens[index - 1]) || tokens[index - 1] == .close(")") || tokens[index - 1] == .close("]") { sawCallAtTopLevel = true }
                depth += 1
            case .open: depth += 1
            case .close: depth -= 1
            case .op(let op) where depth == 0:
                if op != "." { return false }
            case .keyword where depth == 0:
                return false
            default: break
            }
        }
        return sawCallAtTopLevel
    }

    static func isLiteralOnly(_ tokens: [PythonLexer.Token]) -> Bool {
        tokens.allSatisfy { token in
            switch token {
            case .number, .string, .open, .close: return true
            case .keyword(let k): return valueKeywordsOrSign.contains(k)
            case .op(let op): return [",", ":", "-", "+", "."].contains(op)
            default: return false
            }
        }
    }

    private static let valueKeywordsOrSign: Set<String> = ["True", "False", "None"]
}
