import BigInt

extension Parser {
    func makeExpr(_ kind: ExprKind, _ t: Token) -> Expr {
        let end = pos > 0 ? tokens[pos - 1] : t
        return Expr(kind, line: t.line, column: t.column, endLine: end.endLine, endColumn: end.endColumn)
    }

    /// `a, b, *c` (a tuple when there is a comma), optionally a yield expression.
    mutating func parseTestListStarExpr(allowYield: Bool = false) throws(PythonSyntaxError) -> Expr {
        if allowYield && checkKeyword("yield") { return try parseYield() }
        let t = current
        let first = try parseStarOrNamedTest()
        guard check(",") else { return first }
        var items = [first]
        while match(",") {
            if isExpressionEnd() { break }
            items.append(try parseStarOrNamedTest())
        }
        return makeExpr(.tuple(items), t)
    }

    func isExpressionEnd() -> Bool {
        let t = current
        if t.kind == .newline || t.kind == .endMarker { return true }
        if t.kind == .op && ["=", ")", "]", "}", ":", ";"].contains(t.text) { return true }
        if t.kind == .op, Parser.augmentedOps[t.text] != nil { return true }
        if t.isKeyword("in") { return true }
        return false
    }

    mutating func parseStarOrNamedTest() throws(PythonSyntaxError) -> Expr {
        if check("*") {
            let t = advance()
            let inner = try parseBitOr()
            return makeExpr(.starred(inner), t)
        }
        return try parseNamedExprTest()
    }

    mutating func parseYield() throws(PythonSyntaxError) -> Expr {
        let t = advance()
        try markGenerator(t)
        if matchKeyword("from") {
            return makeExpr(.yieldFrom(try parseTest()), t)
        }
        if isExpressionEnd() { return makeExpr(.yield(nil), t) }
        return makeExpr(.yield(try parseTestListStarExpr()), t)
    }

    mutating func parseNamedExprTest() throws(PythonSyntaxError) -> Expr {
        if current.kind == .name && peekToken().isOp(":=") {
            let t = advance()
            if pythonKeywords.contains(t.text) { throw syntaxError(at: t) }
            pos += 1
            let value = try parseTest()
            bind(t.text)
            return makeExpr(.namedExpr(t.text, value), t)
        }
        return try parseTest()
    }

    mutating func parseTest() throws(PythonSyntaxError) -> Expr {
        try enterNesting()
        defer { depth -= 1 }
        if checkKeyword("lambda") { return try parseLambda() }
        let t = current
        let body = try parseOrTest()
        if checkKeyword("if") {
            pos += 1
            let test = try parseOrTest()
            guard matchKeyword("else") else { throw syntaxError("expected 'else' after 'if' expression") }
            let orElse = try parseTest()
            return makeExpr(.ifExp(test: test, body: body, orElse: orElse), t)
        }
        return body
    }

    mutating func parseTestNoCond() throws(PythonSyntaxError) -> Expr {
        if checkKeyword("lambda") { return try parseLambda() }
        return try parseOrTest()
    }

    mutating func parseLambda() throws(PythonSyntaxError) -> Expr {
        let t = advance()
        let params = try parseParameters(closing: ":")
        try expect(":")
        var builder = ScopeBuilder(kind: .function, qualifiedPrefix: qualifiedPrefix + "<lambda>.<locals>.")
        for p in params.allNames { builder.info.bindings[p] = .local }
        scopes.append(builder)
        let body: Expr
        do { body = try parseTest() } catch { scopes.removeLast(); throw error }
        let scope = scopes.removeLast().info
        let ret = Stmt(.return(body), line: body.line, column: body.column)
        let code = FunctionCode(name: "<lambda>", qualifiedName: qualifiedPrefix + "<lambda>", parameters: params, body: [ret], scope: scope, line: t.line, isLambda: true, docString: nil)
        SlotResolver(code: code).resolve([ret])
        return makeExpr(.lambda(code), t)
    }

    mutating func parseOrTest() throws(PythonSyntaxError) -> Expr {
        let t = current
        let first = try parseAndTest()
        guard checkKeyword("or") else { return first }
        var items = [first]
        while matchKeyword("or") { items.append(try parseAndTest()) }
        return makeExpr(.boolOp(isAnd: false, items), t)
    }

    mutating func parseAndTest() throws(PythonSyntaxError) -> Expr {
        let t = current
        let first = try parseNotTest()
        guard checkKeyword("and") else { return first }
        var items = [first]
        while matchKeyword("and") { items.append(try parseNotTest()) }
        return makeExpr(.boolOp(isAnd: true, items), t)
    }

    mutating func parseNotTest() throws(PythonSyntaxError) -> Expr {
        if checkKeyword("not") {
            let t = advance()
            try enterNesting()
            defer { depth -= 1 }
            return makeExpr(.unary(.not, try parseNotTest()), t)
        }
        return try parseComparison()
    }

    mutating func compareOperator() -> CompareOp? {
        let t = current
        if t.kind == .op {
            switch t.text {
            case "==": pos += 1; return .eq
            case "!=": pos += 1; return .ne
            case "<": pos += 1; return .lt
            case "<=": pos += 1; return .le
            case ">": pos += 1; return .gt
            case ">=": pos += 1; return .ge
            default: return nil
            }
        }
        if t.isKeyword("in") { pos += 1; return .in }
        if t.isKeyword("not") && peekToken().isKeyword("in") { pos += 2; return .notIn }
        if t.isKeyword("is") {
            pos += 1
            if matchKeyword("not") { return .isNot }
            return .is
        }
        return nil
    }

    mutating func parseComparison() throws(PythonSyntaxError) -> Expr {
        let t = current
        let first = try parseBitOr()
        var ops: [CompareOp] = []
        var rest: [Expr] = []
        var left = first
        while let op = compareOperator() {
            ops.append(op)
            let right = try parseBitOr()
            if op == .is || op == .isNot, isLiteralForIs(left) || isLiteralForIs(right) {
                let message = op == .is ? "\"is\" with a literal. Did you mean \"==\"?" : "\"is not\" with a literal. Did you mean \"!=\"?"
                warnings.append(CompileWarning(line: t.line, category: "SyntaxWarning", message: message))
            }
            rest.append(right)
            left = right
        }
        if ops.isEmpty { return first }
        return makeExpr(.compare(first, ops, rest), t)
    }

    /// Left-associative binary operator levels share one loop; the chain length is bounded so a
    /// 100 000-term sum ends in CPython's compile-time RecursionError, not a deep Swift recursion.
    mutating func parseBinaryLevel(_ ops: [String: BinaryOp], next: (inout Parser) throws(PythonSyntaxError) -> Expr) throws(PythonSyntaxError) -> Expr {
        let t = current
        var left = try next(&self)
        var chain = 0
        while current.kind == .op, let op = ops[current.text] {
            pos += 1
            let right = try next(&self)
            left = makeExpr(.binary(op, left, right), t)
            chain += 1
            if chain + depth > Parser.maxBinaryChain {
                throw PythonSyntaxError("maximum recursion depth exceeded during compilation", line: t.line, column: t.column, typeName: "RecursionError")
            }
        }
        return left
    }

    /// The type of a literal being called (`"abc"(1)`), which CPython warns about.
    func literalTypeName(_ e: Expr) -> String? {
        switch e.kind {
        case .constant(.str): return "str"
        case .constant(.int): return "int"
        case .constant(.float): return "float"
        case .constant(.bytes): return "bytes"
        case .constant(.imaginary): return "complex"
        case .constant(.bool): return "bool"
        case .constant(.none): return "NoneType"
        case .constant(.ellipsis): return "ellipsis"
        case .tuple: return "tuple"
        case .list, .listComp: return "list"
        case .dict, .dictComp: return "dict"
        case .set, .setComp: return "set"
        case .fstring: return "str"
        default: return nil
        }
    }

    /// CPython warns about `is` with a constant other than None/True/False/Ellipsis.
    func isLiteralForIs(_ e: Expr) -> Bool {
        switch e.kind {
        case .constant(.none), .constant(.bool), .constant(.ellipsis): return false
        case .constant: return true
        case .tuple(let items): return items.allSatisfy { if case .constant = $0.kind { return true } else { return false } } && !items.isEmpty
        default: return false
        }
    }

    mutating func parseBitOr() throws(PythonSyntaxError) -> Expr {
        try parseBinaryLevel(["|": .bitOr]) { (p: inout Parser) throws(PythonSyntaxError) in try p.parseBitXor() }
    }

    mutating func parseBitXor() throws(PythonSyntaxError) -> Expr {
        try parseBinaryLevel(["^": .bitXor]) { (p: inout Parser) throws(PythonSyntaxError) in try p.parseBitAnd() }
    }

    mutating func parseBitAnd() throws(PythonSyntaxError) -> Expr {
        try parseBinaryLevel(["&": .bitAnd]) { (p: inout Parser) throws(PythonSyntaxError) in try p.parseShift() }
    }

    mutating func parseShift() throws(PythonSyntaxError) -> Expr {
        try parseBinaryLevel(["<<": .lshift, ">>": .rshift]) { (p: inout Parser) throws(PythonSyntaxError) in try p.parseArith() }
    }

    mutating func parseArith() throws(PythonSyntaxError) -> Expr {
        try parseBinaryLevel(["+": .add, "-": .sub]) { (p: inout Parser) throws(PythonSyntaxError) in try p.parseTerm() }
    }

    mutating func parseTerm() throws(PythonSyntaxError) -> Expr {
        try parseBinaryLevel(["*": .mul, "/": .div, "//": .floorDiv, "%": .mod, "@": .matMul]) { (p: inout Parser) throws(PythonSyntaxError) in try p.parseFactor() }
    }

    mutating func parseFactor() throws(PythonSyntaxError) -> Expr {
        let t = current
        if t.kind == .op, t.text == "-" || t.text == "+" || t.text == "~" {
            pos += 1
            try enterNesting()
            defer { depth -= 1 }
            let operand = try parseFactor()
            let op: UnaryOp = t.text == "-" ? .negate : t.text == "+" ? .plus : .invert
            return makeExpr(.unary(op, operand), t)
        }
        return try parsePower()
    }

    mutating func parsePower() throws(PythonSyntaxError) -> Expr {
        let t = current
        if checkKeyword("await") { throw unsupported("await", line: t.line, column: t.column) }
        let base = try parseAtomExpr()
        if match("**") {
            try enterNesting()
            defer { depth -= 1 }
            let exp = try parseFactor()
            return makeExpr(.binary(.pow, base, exp), t)
        }
        return base
    }

    mutating func parseAtomExpr() throws(PythonSyntaxError) -> Expr {
        var e = try parseAtom()
        var trailers = 0
        while true {
            let t = current
            if match("(") {
                if let kind = literalTypeName(e) {
                    warnings.append(CompileWarning(line: t.line, category: "SyntaxWarning", message: "'\(kind)' object is not callable; perhaps you missed a comma?"))
                }
                let args = try parseCallArguments()
                try expect(")")
                e = Expr(.call(e, args), line: e.line, column: e.column, endLine: tokens[pos - 1].endLine, endColumn: tokens[pos - 1].endColumn)
            } else if match("[") {
                let index = try parseSubscriptList()
                try expect("]")
                e = Expr(.subscript(e, index), line: e.line, column: e.column, endLine: tokens[pos - 1].endLine, endColumn: tokens[pos - 1].endColumn)
            } else if match(".") {
                guard current.kind == .name else { throw syntaxError() }
                let name = advance().text
                if pythonKeywords.contains(name) { throw syntaxError(at: tokens[pos - 1]) }
                e = Expr(.attribute(e, mangle(name)), line: e.line, column: e.column, endLine: tokens[pos - 1].endLine, endColumn: tokens[pos - 1].endColumn)
            } else {
                break
            }
            trailers += 1
            if trailers + depth > Parser.maxDepth * 2 {
                throw PythonSyntaxError("maximum recursion depth exceeded during compilation", line: t.line, column: t.column, typeName: "RecursionError")
            }
        }
        return e
    }

    mutating func parseSubscriptList() throws(PythonSyntaxError) -> Expr {
        let t = current
        let first = try parseSubscript()
        guard check(",") else { return first }
        var items = [first]
        while match(",") {
            if check("]") { break }
            items.append(try parseSubscript())
        }
        return makeExpr(.tuple(items), t)
    }

    mutating func parseSubscript() throws(PythonSyntaxError) -> Expr {
        let t = current
        var lower: Expr?
        if !check(":") {
            let e = try parseStarOrNamedTest()
            if !check(":") { return e }
            lower = e
        }
        pos += 1  // ':'
        var upper: Expr?
        var step: Expr?
        if !check(":") && !check("]") && !check(",") { upper = try parseTest() }
        if match(":") {
            if !check("]") && !check(",") { step = try parseTest() }
        }
        return makeExpr(.slice(lower, upper, step), t)
    }

    /// Arguments of a call (or class bases), with CPython's ordering errors.
    mutating func parseCallArguments() throws(PythonSyntaxError) -> [CallArgument] {
        var args: [CallArgument] = []
        var sawKeyword = false
        var sawDoubleStar = false
        var keywords: Set<String> = []
        while !check(")") {
            let t = current
            if match("*") {
                if sawDoubleStar { throw syntaxError("iterable argument unpacking follows keyword argument unpacking", at: t) }
                args.append(.star(try parseTest()))
            } else if match("**") {
                sawDoubleStar = true
                args.append(.doubleStar(try parseTest()))
            } else if t.kind == .name && peekToken().isOp("=") && !pythonKeywords.contains(t.text) {
                pos += 2
                if keywords.contains(t.text) {
                    throw PythonSyntaxError("keyword argument repeated: \(t.text)", line: t.line, column: t.column)
                }
                keywords.insert(t.text)
                sawKeyword = true
                args.append(.keyword(t.text, try parseTest()))
            } else {
                let e = try parseNamedExprTest()
                if checkKeyword("for") {
                    let comps = try parseComprehensionClauses(element: e)
                    let gen = makeExpr(.generatorExp(comps.0, comps.1), t)
                    if !args.isEmpty || check(",") && !peekToken().isOp(")") {
                        throw PythonSyntaxError("Generator expression must be parenthesized", line: t.line, column: t.column)
                    }
                    args.append(.positional(gen))
                } else {
                    if check("=") {
                        throw syntaxError("expression cannot contain assignment, perhaps you meant \"==\"?", at: t)
                    }
                    if sawDoubleStar {
                        throw PythonSyntaxError("positional argument follows keyword argument unpacking", line: t.line, column: t.column)
                    }
                    if sawKeyword {
                        throw PythonSyntaxError("positional argument follows keyword argument", line: t.line, column: t.column)
                    }
                    args.append(.positional(e))
                }
            }
            if !match(",") {
                if !check(")") {
                    switch args.last {
                    case .positional(let previous)?, .star(let previous)?, .keyword(_, let previous)?, .doubleStar(let previous)?:
                        throw missingCommaError(after: previous)
                    case nil:
                        throw missingCommaError()
                    }
                }
                break
            }
        }
        return args
    }

    /// Inside brackets, two expressions side by side get CPython's "Perhaps you forgot a comma?".
    /// With the `previous` element, the error spans it and the expression after it, as CPython
    /// underlines both (`[1, 2 3]` -> `2 3`).
    func missingCommaError(after previous: Expr? = nil) -> PythonSyntaxError {
        let t = current
        if t.kind == .name && !pythonKeywords.contains(t.text) || t.kind == .number || t.kind == .string {
            var error = syntaxError("invalid syntax. Perhaps you forgot a comma?", at: t)
            if let previous, error.message == "invalid syntax. Perhaps you forgot a comma?" {
                var probe = self
                if let next = try? probe.parseTest(), previous.line == next.endLine {
                    error.line = previous.line
                    error.column = previous.column
                    error.endColumn = next.endColumn
                }
            }
            return error
        }
        return syntaxError()
    }

    /// Parses `for ... in ... [if ...]` clauses after a comprehension's element, in a new scope.
    mutating func parseComprehensionClauses(element: Expr) throws(PythonSyntaxError) -> (Expr, [Comprehension]) {
        var comps: [Comprehension] = []
        while matchKeyword("for") {
            let target = try parseTargetList()
            try checkAssignTarget(target, isFirst: false)
            guard matchKeyword("in") else { throw syntaxError() }
            let iter = try parseOrTest()
            var conditions: [Expr] = []
            while checkKeyword("if") {
                pos += 1
                conditions.append(try parseTestNoCond())
            }
            comps.append(Comprehension(target: target, iter: iter, conditions: conditions))
        }
        return (element, comps)
    }

    mutating func parseAtom() throws(PythonSyntaxError) -> Expr {
        let t = current
        switch t.kind {
        case .number:
            pos += 1
            return makeExpr(.constant(try parseNumber(t)), t)
        case .string:
            return try parseStrings()
        case .name:
            switch t.text {
            case "None": pos += 1; return makeExpr(.constant(.none), t)
            case "True": pos += 1; return makeExpr(.constant(.bool(true)), t)
            case "False": pos += 1; return makeExpr(.constant(.bool(false)), t)
            case "yield": throw syntaxError()
            default:
                if pythonKeywords.contains(t.text) { throw syntaxError() }
                pos += 1
                return makeExpr(.name(mangle(t.text)), t)
            }
        case .op:
            switch t.text {
            case "(": return try parseParenthesised()
            case "[": return try parseListDisplay()
            case "{": return try parseBraceDisplay()
            case "...": pos += 1; return makeExpr(.constant(.ellipsis), t)
            default: throw syntaxError()
            }
        case .newline, .endMarker, .indent, .dedent:
            throw syntaxError()
        }
    }

    mutating func parseParenthesised() throws(PythonSyntaxError) -> Expr {
        let t = advance()
        try enterNesting()
        defer { depth -= 1 }
        if match(")") { return makeExpr(.tuple([]), t) }
        if checkKeyword("yield") {
            let y = try parseYield()
            try expect(")")
            return y
        }
        let first = try parseStarOrNamedTest()
        if checkKeyword("for") {
            let (elt, comps) = try parseComprehensionScoped(element: first)
            try expect(")")
            return makeExpr(.generatorExp(elt, comps), t)
        }
        if match(")") {
            if case .starred = first.kind { throw PythonSyntaxError("cannot use starred expression here", line: first.line, column: first.column) }
            return first
        }
        guard check(",") else { throw missingCommaError(after: first) }
        var items = [first]
        while match(",") {
            if check(")") { break }
            items.append(try parseStarOrNamedTest())
        }
        guard match(")") else { throw missingCommaError() }
        return makeExpr(.tuple(items), t)
    }

    /// Comprehension clauses with the comprehension's own scope for its loop targets.
    mutating func parseComprehensionScoped(element: Expr) throws(PythonSyntaxError) -> (Expr, [Comprehension]) {
        var builder = ScopeBuilder(kind: .comprehension, qualifiedPrefix: qualifiedPrefix)
        builder.comprehensionTargets = []
        scopes.append(builder)
        defer { scopes.removeLast() }
        return try parseComprehensionClauses(element: element)
    }

    mutating func parseListDisplay() throws(PythonSyntaxError) -> Expr {
        let t = advance()
        try enterNesting()
        defer { depth -= 1 }
        if match("]") { return makeExpr(.list([]), t) }
        let first = try parseStarOrNamedTest()
        if checkKeyword("for") {
            let (elt, comps) = try parseComprehensionScoped(element: first)
            try expect("]")
            return makeExpr(.listComp(elt, comps), t)
        }
        var items = [first]
        while match(",") {
            if check("]") { break }
            items.append(try parseStarOrNamedTest())
        }
        guard match("]") else { throw missingCommaError(after: items.last) }
        return makeExpr(.list(items), t)
    }

    mutating func parseBraceDisplay() throws(PythonSyntaxError) -> Expr {
        let t = advance()
        try enterNesting()
        defer { depth -= 1 }
        if match("}") { return makeExpr(.dict([]), t) }
        if match("**") {
            let first = try parseBitOr()
            return try parseDictRest(t, first: DictItem(key: nil, value: first))
        }
        let first = try parseStarOrNamedTest()
        if match(":") {
            let value = try parseTest()
            if checkKeyword("for") {
                let (_, comps) = try parseComprehensionScoped(element: value)
                try expect("}")
                return makeExpr(.dictComp(key: first, value: value, comps), t)
            }
            return try parseDictRest(t, first: DictItem(key: first, value: value))
        }
        if checkKeyword("for") {
            let (elt, comps) = try parseComprehensionScoped(element: first)
            try expect("}")
            return makeExpr(.setComp(elt, comps), t)
        }
        var items = [first]
        while match(",") {
            if check("}") { break }
            items.append(try parseStarOrNamedTest())
        }
        guard match("}") else { throw missingCommaError(after: items.last) }
        return makeExpr(.set(items), t)
    }

    mutating func parseDictRest(_ t: Token, first: DictItem) throws(PythonSyntaxError) -> Expr {
        var items = [first]
        while match(",") {
            if check("}") { break }
            if match("**") {
                items.append(DictItem(key: nil, value: try parseBitOr()))
                continue
            }
            let key = try parseTest()
            guard match(":") else {
                throw PythonSyntaxError("':' expected after dictionary key", line: key.line, column: key.column)
            }
            items.append(DictItem(key: key, value: try parseTest()))
        }
        guard match("}") else { throw missingCommaError() }
        return makeExpr(.dict(items), t)
    }

    func parseNumber(_ t: Token) throws(PythonSyntaxError) -> Constant {
        let text = t.text.replacingAll("_", with: "")
        let lower = text.lowercased()
        if lower.hasPrefix("0x") || lower.hasPrefix("0o") || lower.hasPrefix("0b") {
            let radix = lower.hasPrefix("0x") ? 16 : lower.hasPrefix("0o") ? 8 : 2
            guard let v = BigInt(String(lower.dropFirst(2)), radix: radix) else { throw syntaxError("invalid syntax", at: t) }
            return .int(v)
        }
        if lower.hasSuffix("j") {
            return .imaginary(Double(String(lower.dropLast())) ?? 0)
        }
        if lower.contains(".") || lower.contains("e") {
            guard let d = Double(lower) else { throw syntaxError("invalid syntax", at: t) }
            return .float(d)
        }
        if text.count > 4300 {
            // CPython 3.11 limits decimal int literals (sys.int_info.str_digits_check_threshold).
            throw PythonSyntaxError("Exceeds the limit (4300 digits) for integer string conversion: value has \(text.count) digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.", line: t.line, column: t.column)
        }
        guard let v = BigInt(text, radix: 10) else { throw syntaxError("invalid syntax", at: t) }
        return .int(v)
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
