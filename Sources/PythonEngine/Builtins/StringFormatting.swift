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

    /// printf-style `%` formatting for str.
    func percentFormat(_ template: String, _ argsObj: PyObject) throws -> String {
        let s = Array(template.unicodeScalars)
        var args: [PyObject]
        var mapping: PyObject?
        if let t = argsObj as? PyTuple { args = t.items } else { args = [argsObj] }
        if argsObj is PyDict { mapping = argsObj; args = [] }
        var argIndex = 0
        var out = ""
        var i = 0
        func nextArg() throws -> PyObject {
            if let m = mapping, args.isEmpty { return m }
            guard argIndex < args.count else { throw typeError("not enough arguments for format string") }
            argIndex += 1
            return args[argIndex - 1]
        }
        while i < s.count {
            let c = s[i]
            if c != "%" { out.unicodeScalars.append(c); i += 1; continue }
            i += 1
            guard i < s.count else { throw valueError("incomplete format") }
            var value: PyObject?
            if s[i] == "(" {
                guard let close = s[i...].firstIndex(of: ")") else { throw valueError("incomplete format key") }
                let key = String(String.UnicodeScalarView(s[(i + 1)..<close]))
                guard let m = mapping else { throw typeError("format requires a mapping") }
                value = try getItem(m, PyString(key))
                i = close + 1
            }
            var flags = ""
            while i < s.count, "-+ #0".unicodeScalars.contains(s[i]) { flags.unicodeScalars.append(s[i]); i += 1 }
            var width = ""
            if i < s.count, s[i] == "*" { width = String(try intArg(try nextArg())); i += 1 }
            while i < s.count, s[i].properties.numericType == .decimal { width.unicodeScalars.append(s[i]); i += 1 }
            var precision: String?
            if i < s.count, s[i] == "." {
                i += 1
                var p = ""
                if i < s.count, s[i] == "*" { p = String(try intArg(try nextArg())); i += 1 }
                while i < s.count, s[i].properties.numericType == .decimal { p.unicodeScalars.append(s[i]); i += 1 }
                precision = p.isEmpty ? "0" : p
            }
            guard i < s.count else { throw valueError("incomplete format") }
            let conv = Character(s[i])
            i += 1
            if conv == "%" { out += "%"; continue }
            let v = try value ?? nextArg()
            var spec = ""
            let left = flags.contains("-")
            if left { spec += "<" } else if flags.contains("0") && "diouxXeEfFgG".contains(conv) { spec += "0" }
            if flags.contains("+") { spec = spec.replacingAll("0", with: "") + "+" + (flags.contains("0") && !left ? "0" : "") }
            else if flags.contains(" ") { spec = " " + spec }
            if flags.contains("#") && "oxX".contains(conv) { spec += "#" }
            spec = normalizeSpec(spec)
            spec += width
            switch conv {
            case "s", "r", "a":
                var text = conv == "s" ? try str(v) : conv == "r" ? try repr(v) : try ascii(v)
                if let p = precision, let n = Int(p) { text = String(text.unicodeScalars.prefix(n).map(Character.init)) }
                out += try format(PyString(text), (left ? "<" : ">") + width)
            case "d", "i", "u":
                guard v is PyInt || v is PyFloat else {
                    throw typeError("%\(conv) format: a real number is required, not \(typeName(v))")
                }
                out += try format(try toInt(v), spec + "d")
            case "x", "X", "o":
                guard let n = v as? PyInt else { throw typeError("%\(conv) format: an integer is required, not \(typeName(v))") }
                out += try format(n, spec + String(conv))
            case "e", "E", "f", "F", "g", "G":
                guard let d = try asDouble(v) else { throw typeError("must be real number, not \(typeName(v))") }
                out += try format(PyFloat(d), spec + "." + (precision ?? "6") + String(conv))
            case "c":
                if let n = v as? PyInt, let sc = Unicode.Scalar(UInt32(n.small)) { out += String(Character(sc)) }
                else if let st = v as? PyString, st.count == 1 { out += st.value }
                else { throw typeError("%c requires int or char") }
            default:
                throw valueError("unsupported format character '\(conv)' (0x\(String(conv.unicodeScalars.first!.value, radix: 16))) at index \(i - 1)")
            }
        }
        if mapping == nil && argIndex < args.count {
            throw typeError("not all arguments converted during string formatting")
        }
        return out
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
