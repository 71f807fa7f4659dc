/// Recursive-descent parser producing the AST, with CPython 3.11's messages for the syntax errors
/// students make most. It also records each scope's bindings as it goes (Python scoping is
/// static), so the interpreter never has to scan a function body at call time.
public struct Parser {
    var tokens: [Token]
    var pos = 0
    let fileName: String
    /// Current recursion depth of expression/statement parsing; bounded so hostile input ends in
    /// an error rather than a Swift stack overflow.
    var depth = 0
    static let maxDepth = 400
    /// CPython 3.11's compiler allows about 3000 nested expression levels (1000 x its stack
    /// frame scale of 3): a module-level `x = 1 + 1 + ...` compiles with 2999 terms and fails
    /// with 3000. Left-nested operator chains reach that depth without deep parser recursion,
    /// and the evaluator walks them in a loop (`evalBinaryChain`).
    static let maxBinaryChain = 3000
    var scopes: [ScopeBuilder] = [ScopeBuilder(kind: .module, qualifiedPrefix: "")]
    /// Loop nesting of the innermost function, for `'break' outside loop`.
    var loopDepth = 0
    /// Enclosing class names, innermost last, for private-name mangling (`__x` -> `_C__x`).
    var classNames: [String] = []
    /// SyntaxWarnings found while parsing, in source order.
    var warnings: [CompileWarning] = []

    /// CPython's private name mangling inside a class body (and the functions in it).
    func mangle(_ name: String) -> String {
        guard let cls = classNames.last, name.hasPrefix("__"), !name.hasSuffix("__"), !name.contains(".") else { return name }
        let stripped = cls.drop { $0 == "_" }
        if stripped.isEmpty { return name }
        return "_" + stripped + name
    }

    struct ScopeBuilder {
        enum Kind { case module, function, classBody, comprehension }
        var kind: Kind
        var qualifiedPrefix: String
        var info = ScopeInfo()
        var comprehensionTargets: Set<String> = []
        /// Where each `nonlocal` name was declared, to report a missing binding.
        var nonlocalLines: [String: (Int, Int)] = [:]
        /// Nonlocal names of inner functions still waiting for a binding in this scope or above.
        var pendingNonlocals: [String: (Int, Int)] = [:]
    }

    public init(tokens: [Token], fileName: String = "<string>") {
        self.tokens = tokens
        self.fileName = fileName
    }

    /// Parses a whole module (file or notebook cell).
    public static func parse(_ source: String, fileName: String = "<string>") throws(PythonSyntaxError) -> Module {
        let tokens = try Lexer.tokenize(source)
        var parser = Parser(tokens: tokens, fileName: fileName)
        let body = try parser.parseFile()
        var module = Module(body: body, fileName: fileName, source: source)
        module.warnings = parser.warnings
        return module
    }

    // MARK: token helpers

    var current: Token { tokens[pos] }
    func peekToken(_ n: Int = 1) -> Token { tokens[min(pos + n, tokens.count - 1)] }

    mutating func advance() -> Token {
        let t = tokens[pos]
        if pos < tokens.count - 1 { pos += 1 }
        return t
    }

    func check(_ op: String) -> Bool { current.kind == .op && current.text == op }
    func checkKeyword(_ kw: String) -> Bool { current.kind == .name && current.text == kw }

    mutating func match(_ op: String) -> Bool {
        if check(op) { pos += 1; return true }
        return false
    }

    mutating func matchKeyword(_ kw: String) -> Bool {
        if checkKeyword(kw) { pos += 1; return true }
        return false
    }

    func syntaxError(_ message: String = "invalid syntax", at token: Token? = nil) -> PythonSyntaxError {
        let t = token ?? current
        if let end = tokens.last, end.kind == .endMarker, !end.text.isEmpty, message.hasPrefix("invalid syntax") || message == "expected ':'" {
            let parts = end.prefix.split(separator: ":").compactMap { Int($0) }
            if parts.count == 2 && (t.line > parts[0] || t.kind == .endMarker || t.kind == .newline) {
                return PythonSyntaxError("'\(end.text)' was never closed", line: parts[0], column: parts[1])
            }
        }
        if t.kind == .endMarker && message == "invalid syntax" {
            return PythonSyntaxError(message, line: t.line, column: t.column)
        }
        if t.kind == .indent {
            // CPython's offset is the indentation width (the caret would fall left of the text).
            return PythonSyntaxError.indentation("unexpected indent", line: t.line, column: t.column - 1)
        }
        if t.kind == .dedent && message == "invalid syntax" {
            return PythonSyntaxError.indentation("unindent does not match any outer indentation level", line: t.line, column: t.column)
        }
        return PythonSyntaxError(message, line: t.line, column: t.column)
    }

    mutating func expect(_ op: String) throws(PythonSyntaxError) {
        guard match(op) else {
            // CPython says "expected ':'" when the header line simply ends without one.
            if op == ":" && (current.kind == .newline || current.kind == .endMarker) { throw syntaxError("expected ':'") }
            throw syntaxError()
        }
    }

    mutating func expectName() throws(PythonSyntaxError) -> String {
        guard current.kind == .name, !pythonKeywords.contains(current.text) else { throw syntaxError() }
        return advance().text
    }

    mutating func enterNesting() throws(PythonSyntaxError) {
        depth += 1
        if depth > Parser.maxDepth {
            throw PythonSyntaxError("maximum recursion depth exceeded during compilation", line: current.line, column: current.column, typeName: "RecursionError")
        }
    }

    // MARK: scopes

    mutating func bind(_ name: String) {
        var i = scopes.count - 1
        if scopes[i].kind == .comprehension {
            if scopes[i].comprehensionTargets.contains(name) { return }
            // Walrus inside a comprehension binds in the enclosing function scope.
            while i > 0 && scopes[i].kind == .comprehension { i -= 1 }
        }
        if scopes[i].info.bindings[name] == nil {
            scopes[i].info.bindings[name] = .local
        }
    }

    /// Records the names an assignment target binds.
    mutating func bindTarget(_ e: Expr) {
        switch e.kind {
        case .name(let n): bind(n)
        case .tuple(let items), .list(let items): for item in items { bindTarget(item) }
        case .starred(let inner): bindTarget(inner)
        default: break
        }
    }

    mutating func markGenerator(_ token: Token) throws(PythonSyntaxError) {
        let i = scopes.count - 1
        switch scopes[i].kind {
        case .module, .classBody:
            throw PythonSyntaxError("'yield' outside function", line: token.line, column: token.column)
        case .comprehension:
            throw PythonSyntaxError("'yield' inside list comprehension", line: token.line, column: token.column)
        case .function:
            scopes[i].info.isGenerator = true
        }
    }

    var inFunction: Bool { scopes.contains { $0.kind == .function } }

    var qualifiedPrefix: String { scopes[scopes.count - 1].qualifiedPrefix }

    // MARK: statements

    mutating func parseFile() throws(PythonSyntaxError) -> [Stmt] {
        var body: [Stmt] = []
        while current.kind != .endMarker {
            if current.kind == .newline { pos += 1; continue }
            if current.kind == .indent {
                throw PythonSyntaxError.indentation("unexpected indent", line: current.line, column: current.column - 1)
            }
            body += try parseStatement()
        }
        return body
    }

    mutating func parseStatement() throws(PythonSyntaxError) -> [Stmt] {
        try enterNesting()
        defer { depth -= 1 }
        let t = current
        if t.kind == .name {
            switch t.text {
            case "if": return [try parseIf()]
            case "while": return [try parseWhile()]
            case "for": return [try parseFor()]
            case "try": return [try parseTry()]
            case "with": return [try parseWith()]
            case "def": return [try parseFunctionDef(decorators: [])]
            case "class": return [try parseClassDef(decorators: [])]
            case "async": throw unsupported("async", line: t.line, column: t.column)
            case "match":
                // `match` is a soft keyword: a statement only when followed by a subject and ':'.
                if peekToken().kind == .name || peekToken().kind == .number || peekToken().kind == .string || peekToken().isOp("(") || peekToken().isOp("[") {
                    if looksLikeMatchStatement() { throw unsupported("match", line: t.line, column: t.column) }
                }
            default: break
            }
        }
        if t.isOp("@") { return [try parseDecorated()] }
        return try parseSimpleStatements()
    }

    func looksLikeMatchStatement() -> Bool {
        var i = pos + 1
        var nesting = 0
        while i < tokens.count {
            let tk = tokens[i]
            if tk.kind == .newline || tk.kind == .endMarker { return false }
            if tk.kind == .op {
                if tk.text == "(" || tk.text == "[" || tk.text == "{" { nesting += 1 }
                if tk.text == ")" || tk.text == "]" || tk.text == "}" { nesting -= 1 }
                if tk.text == ":" && nesting == 0 { return tokens[i + 1].kind == .newline }
                if tk.text == "=" && nesting == 0 { return false }
            }
            i += 1
        }
        return false
    }

    mutating func parseSimpleStatements() throws(PythonSyntaxError) -> [Stmt] {
        var stmts: [Stmt] = []
        while true {
            stmts.append(try parseSmallStatement())
            if match(";") {
                if current.kind == .newline { break }
                continue
            }
            break
        }
        guard current.kind == .newline || current.kind == .endMarker else {
            throw syntaxError()
        }
        if current.kind == .newline { pos += 1 }
        return stmts
    }

    mutating func parseSmallStatement() throws(PythonSyntaxError) -> Stmt {
        let t = current
        func make(_ k: StmtKind) -> Stmt { Stmt(k, line: t.line, column: t.column) }
        if t.kind == .name {
            switch t.text {
            case "pass": pos += 1; return make(.pass)
            case "break":
                pos += 1
                if loopDepth == 0 { throw PythonSyntaxError("'break' outside loop", line: t.line, column: t.column) }
                return make(.break)
            case "continue":
                pos += 1
                if loopDepth == 0 { throw PythonSyntaxError("'continue' not properly in loop", line: t.line, column: t.column) }
                return make(.continue)
            case "return":
                pos += 1
                if !(scopes.last?.kind == .function) {
                    // CPython underlines the whole statement, value included.
                    var probe = self
                    if !(probe.current.kind == .newline || probe.check(";") || probe.current.kind == .endMarker) {
                        _ = try? probe.parseTestListStarExpr()
                    }
                    throw PythonSyntaxError("'return' outside function", from: t, through: probe.tokens[probe.pos - 1])
                }
                if current.kind == .newline || check(";") || current.kind == .endMarker { return make(.return(nil)) }
                return make(.return(try parseTestListStarExpr()))
            case "raise":
                pos += 1
                if current.kind == .newline || check(";") || current.kind == .endMarker { return make(.raise(exception: nil, cause: nil)) }
                let exc = try parseTest()
                var cause: Expr?
                if matchKeyword("from") { cause = try parseTest() }
                return make(.raise(exception: exc, cause: cause))
            case "global", "nonlocal":
                pos += 1
                var names = [try expectName()]
                while match(",") { names.append(try expectName()) }
                let isGlobal = t.text == "global"
                let idx = scopes.count - 1
                if !isGlobal && scopes[idx].kind == .module {
                    throw PythonSyntaxError("nonlocal declaration not allowed at module level", line: t.line, column: t.column)
                }
                for n in names {
                    if let existing = scopes[idx].info.bindings[n], existing == .local {
                        throw PythonSyntaxError("name '\(n)' is assigned to before \(t.text) declaration", line: t.line, column: t.column)
                    }
                    scopes[idx].info.bindings[n] = isGlobal ? .global : .nonlocal
                    if !isGlobal { scopes[idx].nonlocalLines[n] = (t.line, t.column) }
                }
                return make(isGlobal ? .global(names) : .nonlocal(names))
            case "del":
                pos += 1
                var targets: [Expr] = []
                repeat {
                    if current.kind == .newline { break }
                    let e = try parseBitOr()
                    try checkDeleteTarget(e)
                    targets.append(e)
                } while match(",")
                return make(.delete(targets))
            case "assert":
                pos += 1
                let test = try parseTest()
                if case .tuple(let items) = test.kind, !items.isEmpty {
                    warnings.append(CompileWarning(line: t.line, category: "SyntaxWarning", message: "assertion is always true, perhaps remove parentheses?"))
                }
                var msg: Expr?
                if match(",") { msg = try parseTest() }
                return make(.assert(test: test, message: msg))
            case "import":
                pos += 1
                var aliases: [ImportAlias] = []
                repeat {
                    let name = try parseDottedName()
                    var asName: String?
                    if matchKeyword("as") { asName = try expectName() }
                    bind(asName ?? String(name.split(separator: ".")[0]))
                    aliases.append(ImportAlias(name: name, asName: asName))
                } while match(",")
                return make(.import(aliases))
            case "from":
                pos += 1
                var level = 0
                while check(".") || check("...") { level += current.text.count; pos += 1 }
                var module = ""
                if !checkKeyword("import") { module = try parseDottedName() }
                guard matchKeyword("import") else { throw syntaxError() }
                var aliases: [ImportAlias] = []
                if match("*") {
                    if scopes.last?.kind != .module {
                        throw PythonSyntaxError("import * only allowed at module level", line: t.line, column: t.column)
                    }
                    aliases.append(ImportAlias(name: "*", asName: nil))
                } else {
                    let paren = match("(")
                    repeat {
                        if paren && check(")") { break }
                        let name = try expectName()
                        var asName: String?
                        if matchKeyword("as") { asName = try expectName() }
                        bind(asName ?? name)
                        aliases.append(ImportAlias(name: name, asName: asName))
                    } while match(",")
                    if paren { try expect(")") }
                }
                return make(.importFrom(module: module, names: aliases, level: level))
            case "print":
                // Python 2 print statement: CPython's dedicated hint.
                let next = peekToken()
                if next.kind == .string || next.kind == .number || (next.kind == .name && !pythonKeywords.contains(next.text)) {
                    // Underlined from `print` to the end of the logical line, as CPython does.
                    var last = pos
                    while last + 1 < tokens.count && tokens[last + 1].kind != .newline && tokens[last + 1].kind != .endMarker { last += 1 }
                    throw PythonSyntaxError("Missing parentheses in call to 'print'. Did you mean print(...)?", from: t, through: tokens[last])
                }
            default: break
            }
        }
        return try parseExpressionStatement()
    }

    mutating func parseDottedName() throws(PythonSyntaxError) -> String {
        var name = try expectName()
        while match(".") { name += "." + (try expectName()) }
        return name
    }

    static let augmentedOps: [String: BinaryOp] = [
        "+=": .add, "-=": .sub, "*=": .mul, "/=": .div, "//=": .floorDiv, "%=": .mod, "**=": .pow,
        "<<=": .lshift, ">>=": .rshift, "&=": .bitAnd, "|=": .bitOr, "^=": .bitXor, "@=": .matMul,
    ]

    mutating func parseExpressionStatement() throws(PythonSyntaxError) -> Stmt {
        let t = current
        let first = try parseTestListStarExpr(allowYield: true)
        if current.kind == .op, let op = Parser.augmentedOps[current.text] {
            pos += 1
            switch first.kind {
            case .name, .attribute, .subscript: break
            case .tuple: throw PythonSyntaxError("'tuple' is an illegal expression for augmented assignment", line: first.line, column: first.column)
            case .list: throw PythonSyntaxError("'list' is an illegal expression for augmented assignment", line: first.line, column: first.column)
            default: throw PythonSyntaxError("'\(describe(first))' is an illegal expression for augmented assignment", line: first.line, column: first.column)
            }
            bindTarget(first)
            let value = try parseTestListStarExpr(allowYield: true)
            return Stmt(.augAssign(target: first, op: op, value: value), line: t.line, column: t.column)
        }
        if check(":") {
            pos += 1
            let annotation = try parseTest()
            var value: Expr?
            if match("=") { value = try parseTestListStarExpr(allowYield: true) }
            try checkAssignTarget(first, isFirst: true)
            if value != nil { bindTarget(first) } else if case .name = first.kind { bindTarget(first) }
            return Stmt(.annAssign(target: first, annotation: annotation, value: value), line: t.line, column: t.column)
        }
        if check("=") {
            var targets = [first]
            var value = first
            while match("=") {
                value = try parseTestListStarExpr(allowYield: true)
                targets.append(value)
            }
            targets.removeLast()
            for (i, target) in targets.enumerated() {
                try checkAssignTarget(target, isFirst: i == 0)
                bindTarget(target)
            }
            return Stmt(.assign(targets: targets, value: value), line: t.line, column: t.column)
        }
        if case .starred = first.kind {
            throw PythonSyntaxError("can't use starred expression here", line: first.line, column: first.column)
        }
        return Stmt(.expr(first), line: t.line, column: t.column)
    }

    /// CPython's name for an expression kind in "cannot assign to ..." messages.
    func describe(_ e: Expr) -> String {
        switch e.kind {
        case .constant(let c):
            switch c {
            case .none: return "None"
            case .bool(let b): return b ? "True" : "False"
            case .ellipsis: return "ellipsis"
            default: return "literal"
            }
        case .fstring: return "f-string expression"
        case .call: return "function call"
        case .binary, .unary: return "expression"
        case .boolOp: return "expression"
        case .compare: return "comparison"
        case .ifExp: return "conditional expression"
        case .lambda: return "lambda"
        case .listComp: return "list comprehension"
        case .setComp: return "set comprehension"
        case .dictComp: return "dict comprehension"
        case .generatorExp: return "generator expression"
        case .yield, .yieldFrom: return "yield expression"
        case .namedExpr: return "named expression"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .tuple: return "tuple"
        case .list: return "list"
        case .name: return "name"
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        case .starred: return "starred"
        case .slice: return "slice"
        }
    }

    func checkAssignTarget(_ e: Expr, isFirst: Bool) throws(PythonSyntaxError) {
        switch e.kind {
        case .name(let n):
            if n == "__debug__" { throw PythonSyntaxError("cannot assign to __debug__", line: e.line, column: e.column) }
        case .attribute, .subscript: break
        case .tuple(let items), .list(let items):
            let starred = items.filter { if case .starred = $0.kind { return true } else { return false } }
            if starred.count > 1 {
                throw PythonSyntaxError("multiple starred expressions in assignment", line: e.line, column: e.column)
            }
            for item in items { try checkAssignTarget(item, isFirst: false) }
        case .starred(let inner): try checkAssignTarget(inner, isFirst: false)
        case .constant(.none), .constant(.bool), .constant(.ellipsis):
            throw PythonSyntaxError("cannot assign to \(describe(e))", spanning: e)
        default:
            let suffix = isFirst ? " here. Maybe you meant '==' instead of '='?" : ""
            throw PythonSyntaxError("cannot assign to \(describe(e))\(suffix)", spanning: e)
        }
    }

    func checkDeleteTarget(_ e: Expr) throws(PythonSyntaxError) {
        switch e.kind {
        case .name, .attribute, .subscript: break
        case .tuple(let items), .list(let items): for item in items { try checkDeleteTarget(item) }
        default: throw PythonSyntaxError("cannot delete \(describe(e))", spanning: e)
        }
    }

    // MARK: blocks

    /// Parses the block after a compound statement's ':'; `what` names the statement for
    /// CPython's "expected an indented block after ..." message.
    mutating func parseBlock(after what: String, line: Int) throws(PythonSyntaxError) -> [Stmt] {
        try expect(":")
        if current.kind != .newline {
            return try parseSimpleStatements()
        }
        pos += 1
        guard current.kind == .indent else {
            throw PythonSyntaxError.indentation("expected an indented block after \(what) on line \(line)", line: current.line, column: current.column)
        }
        pos += 1
        var body: [Stmt] = []
        while current.kind != .dedent && current.kind != .endMarker {
            if current.kind == .newline { pos += 1; continue }
            if current.kind == .indent {
                throw PythonSyntaxError.indentation("unexpected indent", line: current.line, column: current.column - 1)
            }
            body += try parseStatement()
        }
        if current.kind == .dedent { pos += 1 }
        return body
    }

    mutating func parseIf() throws(PythonSyntaxError) -> Stmt {
        let t = advance()
        let test = try parseNamedExprTest()
        try checkConditionAssignment(test)
        let body = try parseBlock(after: "'\(t.text)' statement", line: t.line)
        var orElse: [Stmt] = []
        if checkKeyword("elif") {
            orElse = [try parseIf()]
        } else if checkKeyword("else") {
            let e = advance()
            orElse = try parseBlock(after: "'else' statement", line: e.line)
        }
        return Stmt(.if(test: test, body: body, orElse: orElse), line: t.line, column: t.column)
    }

    /// `if x = 1:` gets CPython's "Maybe you meant '==' or ':='" hint.
    func checkConditionAssignment(_ test: Expr) throws(PythonSyntaxError) {
        if check("=") {
            // Underlined from the condition through the value after `=`.
            var probe = self
            probe.pos += 1
            var error = PythonSyntaxError("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", line: test.line, column: test.column)
            if let value = try? probe.parseTest(), value.endLine == test.line { error.endColumn = value.endColumn }
            throw error
        }
    }

    mutating func parseWhile() throws(PythonSyntaxError) -> Stmt {
        let t = advance()
        let test = try parseNamedExprTest()
        try checkConditionAssignment(test)
        loopDepth += 1
        let body = try parseBlock(after: "'while' statement", line: t.line)
        loopDepth -= 1
        var orElse: [Stmt] = []
        if checkKeyword("else") {
            let e = advance()
            orElse = try parseBlock(after: "'else' statement", line: e.line)
        }
        return Stmt(.while(test: test, body: body, orElse: orElse), line: t.line, column: t.column)
    }

    mutating func parseFor() throws(PythonSyntaxError) -> Stmt {
        let t = advance()
        let target = try parseTargetList()
        try checkAssignTarget(target, isFirst: false)
        bindTarget(target)
        guard matchKeyword("in") else { throw syntaxError() }
        let iter = try parseTestListStarExpr()
        loopDepth += 1
        let body = try parseBlock(after: "'for' statement", line: t.line)
        loopDepth -= 1
        var orElse: [Stmt] = []
        if checkKeyword("else") {
            let e = advance()
            orElse = try parseBlock(after: "'else' statement", line: e.line)
        }
        return Stmt(.for(target: target, iter: iter, body: body, orElse: orElse), line: t.line, column: t.column)
    }

    /// A for-loop or comprehension target: `a`, `a, b`, `(a, b), c`, `*rest`.
    mutating func parseTargetList() throws(PythonSyntaxError) -> Expr {
        let t = current
        var items: [Expr] = []
        var trailingComma = false
        repeat {
            if checkKeyword("in") { break }
            if match("*") {
                let inner = try parseBitOr()
                items.append(Expr(.starred(inner), line: inner.line, column: inner.column))
            } else {
                items.append(try parseBitOr())
            }
            trailingComma = check(",")
        } while match(",")
        if items.count == 1 && !trailingComma { return items[0] }
        return Expr(.tuple(items), line: t.line, column: t.column)
    }

    mutating func parseTry() throws(PythonSyntaxError) -> Stmt {
        let t = advance()
        let body = try parseBlock(after: "'try' statement", line: t.line)
        var handlers: [ExceptHandler] = []
        while checkKeyword("except") {
            let e = advance()
            if check("*") { throw unsupported("except*", line: e.line, column: e.column) }
            var type: Expr?
            var name: String?
            if !check(":") {
                type = try parseTest()
                if check(",") {
                    // `except A, B:` is Python 2 syntax.
                    throw syntaxError("multiple exception types must be parenthesized", at: current)
                }
                if matchKeyword("as") {
                    name = try expectName()
                    bind(name!)
                }
            }
            let hbody = try parseBlock(after: "'except' statement", line: e.line)
            handlers.append(ExceptHandler(type: type, name: name, body: hbody, line: e.line))
        }
        var orElse: [Stmt] = []
        if checkKeyword("else") {
            let e = advance()
            if handlers.isEmpty { throw syntaxError("expected 'except' or 'finally' block", at: e) }
            orElse = try parseBlock(after: "'else' statement", line: e.line)
        }
        var finally: [Stmt] = []
        if checkKeyword("finally") {
            let f = advance()
            finally = try parseBlock(after: "'finally' statement", line: f.line)
        } else if handlers.isEmpty {
            throw syntaxError("expected 'except' or 'finally' block")
        }
        return Stmt(.try(body: body, handlers: handlers, orElse: orElse, finally: finally), line: t.line, column: t.column)
    }

    mutating func parseWith() throws(PythonSyntaxError) -> Stmt {
        let t = advance()
        var items: [WithItem] = []
        // Parenthesised multi-item form: `with (a as x, b as y):`.
        var parenthesised = false
        if check("(") {
            var i = pos + 1
            var nesting = 0
            while i < tokens.count {
                let tk = tokens[i]
                if tk.kind == .op && ["(", "[", "{"].contains(tk.text) { nesting += 1 }
                if tk.kind == .op && [")", "]", "}"].contains(tk.text) {
                    if nesting == 0 { parenthesised = tokens[i + 1].isOp(":") && (tokensContainAs(pos + 1, i)); break }
                    nesting -= 1
                }
                i += 1
            }
        }
        if parenthesised { pos += 1 }
        repeat {
            if parenthesised && check(")") { break }
            let ctx = try parseTest()
            var target: Expr?
            if matchKeyword("as") {
                let tgt = try parseTargetForWith()
                try checkAssignTarget(tgt, isFirst: false)
                bindTarget(tgt)
                target = tgt
            }
            items.append(WithItem(context: ctx, target: target))
        } while match(",")
        if parenthesised { try expect(")") }
        let body = try parseBlock(after: "'with' statement", line: t.line)
        return Stmt(.with(items: items, body: body), line: t.line, column: t.column)
    }

    func tokensContainAs(_ from: Int, _ to: Int) -> Bool {
        var nesting = 0
        for i in from..<to {
            let tk = tokens[i]
            if tk.kind == .op && ["(", "[", "{"].contains(tk.text) { nesting += 1 }
            if tk.kind == .op && [")", "]", "}"].contains(tk.text) { nesting -= 1 }
            if nesting == 0 && tk.isKeyword("as") { return true }
        }
        return false
    }

    mutating func parseTargetForWith() throws(PythonSyntaxError) -> Expr {
        if check("(") || check("[") { return try parseAtomExpr() }
        return try parseBitOr()
    }

    mutating func parseDecorated() throws(PythonSyntaxError) -> Stmt {
        var decorators: [Expr] = []
        while match("@") {
            decorators.append(try parseNamedExprTest())
            guard current.kind == .newline else { throw syntaxError() }
            pos += 1
        }
        if checkKeyword("def") { return try parseFunctionDef(decorators: decorators) }
        if checkKeyword("class") { return try parseClassDef(decorators: decorators) }
        if checkKeyword("async") { throw unsupported("async", line: current.line, column: current.column) }
        throw syntaxError()
    }

    mutating func parseFunctionDef(decorators: [Expr]) throws(PythonSyntaxError) -> Stmt {
        let t = advance()
        let name = mangle(try expectName())
        bind(name)
        guard check("(") else { throw syntaxError(check(":") ? "invalid syntax" : "invalid syntax") }
        pos += 1
        let qualified = qualifiedPrefix + name
        let params = try parseParameters(closing: ")")
        try expect(")")
        if match("->") { _ = try parseTest() }
        var builder = ScopeBuilder(kind: .function, qualifiedPrefix: qualified + ".<locals>.")
        for p in params.allNames { builder.info.bindings[p] = .local }
        scopes.append(builder)
        let savedLoop = loopDepth
        loopDepth = 0
        let body: [Stmt]
        do {
            body = try parseBlock(after: "function definition", line: t.line)
        } catch {
            scopes.removeLast()
            throw error
        }
        loopDepth = savedLoop
        let finished = scopes.removeLast()
        let scope = finished.info
        // A nonlocal name must be bound by an enclosing function; that function may bind it
        // later in its body, so the check waits until each enclosing function is complete.
        var unresolved: [String: (Int, Int)] = [:]
        for (n, w) in finished.pendingNonlocals where finished.info.bindings[n] != .local { unresolved[n] = w }
        for (n, w) in finished.nonlocalLines { unresolved[n] = w }
        if let parent = scopes.lastIndex(where: { $0.kind == .function }) {
            for (n, w) in unresolved { scopes[parent].pendingNonlocals[n] = w }
        } else if let (n, (line, col)) = unresolved.min(by: { $0.value.0 < $1.value.0 }) {
            throw PythonSyntaxError("no binding for nonlocal '\(n)' found", line: line, column: col)
        }
        if scope.isGenerator { try checkYieldPlacement(body) }
        let code = FunctionCode(name: name, qualifiedName: qualified, parameters: params, body: body, scope: scope, line: t.line, isLambda: false, docString: docString(body))
        SlotResolver(code: code).resolve(body)
        return Stmt(.functionDef(code, decorators: decorators), line: decorators.first.map { $0.line - 0 } ?? t.line, column: t.column)
    }

    func docString(_ body: [Stmt]) -> String? {
        if let first = body.first, case .expr(let e) = first.kind, case .constant(.str(let s)) = e.kind { return s }
        return nil
    }

    /// Parses a parameter list up to (not including) `closing` (`)` for def, `:` for lambda).
    mutating func parseParameters(closing: String) throws(PythonSyntaxError) -> Parameters {
        var params = Parameters()
        var seen: Set<String> = []
        var sawDefault = false
        var sawStar = false
        func checkDuplicate(_ n: String, _ tok: Token) throws(PythonSyntaxError) {
            if seen.contains(n) {
                throw PythonSyntaxError("duplicate argument '\(n)' in function definition", line: tok.line, column: tok.column)
            }
            seen.insert(n)
        }
        while !check(closing) {
            let tok = current
            if match("**") {
                let n = try expectName()
                try checkDuplicate(n, tok)
                if closing == ")" && match(":") { _ = try parseTest() }
                params.varKeywords = n
                _ = match(",")
                if !check(closing) {
                    throw syntaxError("arguments cannot follow var-keyword argument", at: current)
                }
                break
            }
            if match("*") {
                if sawStar { throw syntaxError("* argument may appear only once", at: tok) }
                sawStar = true
                if check(",") {
                    pos += 1
                    if check(closing) || check("**") { throw syntaxError("named arguments must follow bare *", at: tok) }
                    continue
                }
                let n = try expectName()
                try checkDuplicate(n, tok)
                if closing == ")" && match(":") { _ = try parseTest() }
                params.varArgs = n
                if !match(",") { break }
                continue
            }
            if match("/") {
                if sawStar || !params.positionalOnly.isEmpty { throw syntaxError("/ may appear only once", at: tok) }
                params.positionalOnly = params.regular
                params.regular = []
                if !match(",") { break }
                continue
            }
            let n = try expectName()
            try checkDuplicate(n, tok)
            if closing == ")" && match(":") { _ = try parseTest() }
            var def: Expr?
            if match("=") {
                def = try parseTest()
                sawDefault = true
            } else if sawDefault && !sawStar {
                throw PythonSyntaxError("non-default argument follows default argument", line: tok.line, column: tok.column)
            }
            let p = Parameter(name: n, defaultValue: def)
            if sawStar { params.keywordOnly.append(p) } else { params.regular.append(p) }
            if !match(",") { break }
        }
        return params
    }

    mutating func parseClassDef(decorators: [Expr]) throws(PythonSyntaxError) -> Stmt {
        let t = advance()
        let name = try expectName()
        bind(name)
        var bases: [CallArgument] = []
        if match("(") {
            bases = try parseCallArguments()
            try expect(")")
        }
        scopes.append(ScopeBuilder(kind: .classBody, qualifiedPrefix: qualifiedPrefix + name + "."))
        let savedLoop = loopDepth
        loopDepth = 0
        classNames.append(name)
        defer { classNames.removeLast() }
        let body: [Stmt]
        do {
            body = try parseBlock(after: "class definition", line: t.line)
        } catch {
            scopes.removeLast()
            throw error
        }
        loopDepth = savedLoop
        let scope = scopes.removeLast().info
        return Stmt(.classDef(ClassDef(name: name, bases: bases, body: body, decorators: decorators, scope: scope)), line: t.line, column: t.column)
    }
}
