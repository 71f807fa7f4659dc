extension Interpreter {
    /// `str.format`: `{}`, `{0}`, `{name}`, `{0.attr}`, `{0[key]}`, `!r/!s/!a`, nested specs.
    func strFormat(_ template: String, _ args: CallArgs) throws -> String {
        var state = FormatState()
        return try strFormat(template, args, &state, depth: 0)
    }

    /// Automatic field numbering shared by a template and the fields nested in its specs.
    struct FormatState {
        var autoIndex = 0
        var usedAuto = false
        var usedManual = false
    }

    func strFormat(_ template: String, _ args: CallArgs, _ state: inout FormatState, depth: Int) throws -> String {
        if depth > 2 { throw valueError("Max string recursion exceeded") }
        let s = Array(template.unicodeScalars)
        var out = ""
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "{" {
                if i + 1 < s.count && s[i + 1] == "{" { out += "{"; i += 2; continue }
                var nesting = 1
                var j = i + 1
                while j < s.count && nesting > 0 {
                    if s[j] == "{" { nesting += 1 } else if s[j] == "}" { nesting -= 1 }
                    if nesting > 0 { j += 1 }
                }
                guard j < s.count else { throw valueError("Single '{' encountered in format string") }
                let field = String(String.UnicodeScalarView(s[(i + 1)..<j]))
                i = j + 1
                out += try formatField(field, args, &state, depth: depth)
                continue
            }
            if c == "}" {
                if i + 1 < s.count && s[i + 1] == "}" { out += "}"; i += 2; continue }
                throw valueError("Single '}' encountered in format string")
            }
            out.unicodeScalars.append(c)
            i += 1
        }
        return out
    }

    func formatField(_ field: String, _ args: CallArgs, _ state: inout FormatState, depth: Int) throws -> String {
        var name = field
        var spec = ""
        var conversion: Character?
        // The field name ends at the first '!' or ':' outside brackets.
        var bracket = 0
        var cut: String.Index?
        for idx in field.indices {
            let ch = field[idx]
            if ch == "[" { bracket += 1 } else if ch == "]" { bracket -= 1 }
            if bracket == 0 && (ch == "!" || ch == ":") { cut = idx; break }
        }
        if let cut {
            name = String(field[..<cut])
            var rest = field[cut...]
            if rest.first == "!" {
                rest = rest.dropFirst()
                guard let ch = rest.first, "rsa".contains(ch) else {
                    throw valueError("Unknown conversion specifier \(rest.first.map { String($0) } ?? "")")
                }
                conversion = ch
                rest = rest.dropFirst()
                if let f = rest.first, f != ":" { throw valueError("expected ':' after conversion specifier") }
            }
            if rest.first == ":" { spec = String(rest.dropFirst()) }
        }
        // The field's own argument is taken before those of fields nested in its spec.
        var value = try resolveFieldName(name, args, &state)
        if spec.contains("{") { spec = try strFormat(spec, args, &state, depth: depth + 1) }
        switch conversion {
        case "r": value = PyString(try repr(value))
        case "s": value = PyString(try str(value))
        case "a": value = PyString(try ascii(value))
        default: break
        }
        return try format(value, spec)
    }

    func resolveFieldName(_ name: String, _ args: CallArgs, _ state: inout FormatState) throws -> PyObject {
        let firstEnd = name.firstIndex { $0 == "." || $0 == "[" } ?? name.endIndex
        let head = String(name[..<firstEnd])
        var value: PyObject
        if head.isEmpty {
            if state.usedManual { throw valueError("cannot switch from manual field specification to automatic field numbering") }
            state.usedAuto = true
            guard state.autoIndex < args.positional.count else {
                throw indexError("Replacement index \(state.autoIndex) out of range for positional args tuple")
            }
            value = args.positional[state.autoIndex]
            state.autoIndex += 1
        } else if let n = Int(head) {
            if state.usedAuto { throw valueError("cannot switch from automatic field numbering to manual field specification") }
            state.usedManual = true
            guard n < args.positional.count else { throw indexError("Replacement index \(n) out of range for positional args tuple") }
            value = args.positional[n]
        } else {
            guard let v = args.keyword(head) else { throw keyError(PyString(head)) }
            value = v
        }
        var rest = name[firstEnd...]
        while let f = rest.first {
            if f == "." {
                rest = rest.dropFirst()
                let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                value = try getAttribute(value, String(rest[..<end]))
                rest = rest[end...]
            } else if f == "[" {
                guard let close = rest.firstIndex(of: "]") else { throw valueError("Missing ']' in format string") }
                let key = String(rest[rest.index(after: rest.startIndex)..<close])
                value = try getItem(value, Int(key).map { PyInt.make($0) } ?? PyString(key))
                rest = rest[rest.index(after: close)...]
            } else {
                throw valueError("Only '.' or '[' may follow ']' in format field specifier")
            }
        }
        return value
    }

    /// printf-style `%` formatting, through the Support formatter (CPython's PyUnicode_Format).
    func percentFormat(_ template: String, _ argsObj: PyObject) throws -> String {
        let args: PercentArguments<PyObject>
        if let t = argsObj as? PyTuple {
            args = .tuple(t.items)
        } else if !(argsObj is PyString), argsObj is PyDict || specialMethod(argsObj, "__getitem__") != nil {
            args = .mapping(argsObj, lookup: { key in try self.getItem(argsObj, PyString(key)) })
        } else {
            args = .single(argsObj)
        }
        let access = PercentValueAccess<PyObject>(
            typeName: { self.typeName($0) },
            number: { v in
                switch v {
                case let i as PyInt: return .int(i.bigValue)
                case let f as PyFloat: return .float(f.value)
                default:
                    if let r = try self.callSpecial(v, "__index__") ?? self.callSpecial(v, "__int__"), let i = r as? PyInt { return .int(i.bigValue) }
                    if let r = try self.callSpecial(v, "__float__"), let f = r as? PyFloat { return .float(f.value) }
                    return nil
                }
            },
            text: { ($0 as? PyString)?.value },
            str: { try self.str($0) },
            repr: { try self.repr($0) },
            ascii: { try self.ascii($0) })
        do {
            return try pythonPercentFormat(template, args, access)
        } catch let e as SupportError {
            throw convert(e)
        }
    }

    /// Orders format-spec pieces as the mini-language expects: [fill][align][sign][#][0].
    func normalizeSpec(_ spec: String) -> String {
        var align = "", sign = "", alt = "", zero = ""
        for c in spec {
            switch c {
            case "<": align = "<"
            case "+", " ": sign = String(c)
            case "#": alt = "#"
            case "0": zero = "0"
            default: break
            }
        }
        if !align.isEmpty { zero = "" }
        return align + sign + alt + zero
    }
}
