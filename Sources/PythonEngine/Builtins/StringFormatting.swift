extension Interpreter {
    /// `str.format`: `{}`, `{0}`, `{name}`, `{0.attr}`, `{0[key]}`, `!r/!s/!a`, nested specs.
    func strFormat(_ template: String, _ args: CallArgs) throws -> String {
        let s = Array(template.unicodeScalars)
        var out = ""
        var i = 0
        var autoIndex = 0
        var usedManual = false
        while i < s.count {
            let c = s[i]
            if c == "{" {
                if i + 1 < s.count && s[i + 1] == "{" { out += "{"; i += 2; continue }
                var depth = 1
                var j = i + 1
                while j < s.count && depth > 0 {
                    if s[j] == "{" { depth += 1 } else if s[j] == "}" { depth -= 1 }
                    if depth > 0 { j += 1 }
                }
                guard j < s.count else { throw valueError("Single '{' encountered in format string") }
                let field = String(String.UnicodeScalarView(s[(i + 1)..<j]))
                i = j + 1
                var name = field
                var spec = ""
                var conversion: Character?
                if let colon = field.firstIndex(of: ":") {
                    name = String(field[..<colon])
                    spec = String(field[field.index(after: colon)...])
                }
                if let bang = name.firstIndex(of: "!") {
                    let conv = name[name.index(after: bang)...]
                    guard conv.count == 1, let ch = conv.first, "rsa".contains(ch) else {
                        throw valueError("Unknown conversion specifier \(conv)")
                    }
                    conversion = ch
                    name = String(name[..<bang])
                }
                if spec.contains("{") { spec = try strFormatNested(spec, args, &autoIndex) }
                let firstEnd = name.firstIndex { $0 == "." || $0 == "[" } ?? name.endIndex
                let head = String(name[..<firstEnd])
                var value: PyObject
                if head.isEmpty {
                    if usedManual { throw valueError("cannot switch from manual field specification to automatic field numbering") }
                    guard autoIndex < args.positional.count else {
                        throw indexError("Replacement index \(autoIndex) out of range for positional args tuple")
                    }
                    value = args.positional[autoIndex]
                    autoIndex += 1
                } else if let n = Int(head) {
                    usedManual = true
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
                        break
                    }
                }
                switch conversion {
                case "r": value = PyString(try repr(value))
                case "s": value = PyString(try str(value))
                case "a": value = PyString(try ascii(value))
                default: break
                }
                out += try format(value, spec)
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

    func strFormatNested(_ spec: String, _ args: CallArgs, _ autoIndex: inout Int) throws -> String {
        var positional = args.positional
        if autoIndex > 0 { positional = Array(positional.dropFirst(min(autoIndex, positional.count))) }
        let r = try strFormat(spec, CallArgs(positional, keywords: args.keywords))
        autoIndex += spec.filter { $0 == "{" }.count
        return r
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
