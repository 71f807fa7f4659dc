/// `json.dumps` / `json.loads` with CPython's output format (separators, escapes, indent).
extension Interpreter {
    static let jsonDecodeError: PyClass = {
        let c = PyClass(name: "JSONDecodeError", bases: [ExceptionTypes.valueError], module: "json.decoder")
        return c
    }()

    func makeJSONModule() -> PyModule {
        let m = PyModule(name: "json")
        m.dict["JSONDecodeError"] = Interpreter.jsonDecodeError
        m.dict["dumps"] = native("dumps") { i, a in
            let obj = try i.arg(a, 0, "dumps", "obj")
            var options = JSONOptions()
            if let ind = a.keyword("indent"), !(ind is PyNone) {
                if let s = ind as? PyString { options.indent = s.value } else { options.indent = String(repeating: " ", count: try i.intArg(ind)) }
                options.itemSeparator = ","
            }
            options.sortKeys = try a.keyword("sort_keys").map { try i.truthy($0) } ?? false
            options.ensureASCII = try a.keyword("ensure_ascii").map { try i.truthy($0) } ?? true
            if let sep = a.keyword("separators"), !(sep is PyNone) {
                let parts = try i.iterateToArray(sep).compactMap { ($0 as? PyString)?.value }
                if parts.count == 2 { options.itemSeparator = parts[0]; options.keySeparator = parts[1] }
            }
            options.defaultFunction = a.keyword("default").flatMap { $0 is PyNone ? nil : $0 }
            var out = ""
            try i.jsonEncode(obj, &out, options, level: 0)
            return PyString(out)
        }
        m.dict["loads"] = native("loads") { i, a in
            guard let s = try i.arg(a, 0, "loads", "s") as? PyString else {
                throw i.typeError("the JSON object must be str, bytes or bytearray, not \(i.typeName(a.positional[0]))")
            }
            var parser = JSONParser(scalars: Array(s.value.unicodeScalars), interp: i)
            return try parser.parseDocument()
        }
        return m
    }

    struct JSONOptions {
        var indent: String?
        var itemSeparator = ", "
        var keySeparator = ": "
        var sortKeys = false
        var ensureASCII = true
        var defaultFunction: PyObject?
    }

    /// A JSON string literal as `json.dumps` writes it (also used for the run's trace lines).
    static func jsonString(_ s: String, ascii: Bool) -> String {
        var out = "\""
        for sc in s.unicodeScalars {
            switch sc {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if sc.value < 0x20 || (ascii && sc.value > 0x7E) {
                    if sc.value > 0xFFFF {
                        let v = sc.value - 0x10000
                        out += "\\u" + String(0xD800 + (v >> 10), radix: 16).leftPadded(to: 4)
                        out += "\\u" + String(0xDC00 + (v & 0x3FF), radix: 16).leftPadded(to: 4)
                    } else {
                        out += "\\u" + String(sc.value, radix: 16).leftPadded(to: 4)
                    }
                } else {
                    out.unicodeScalars.append(sc)
                }
            }
        }
        return out + "\""
    }

    func jsonFloat(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "Infinity" : "-Infinity" }
        return pythonFloatRepr(d)
    }

    func jsonEncode(_ o: PyObject, _ out: inout String, _ opt: JSONOptions, level: Int) throws {
        try enterCall()
        defer { callDepth -= 1 }
        let newline = opt.indent.map { "\n" + String(repeating: $0, count: level + 1) }
        let closing = opt.indent.map { "\n" + String(repeating: $0, count: level) } ?? ""
        switch o {
        case is PyNone: out += "null"
        case let b as PyBool: out += b.boolValue ? "true" : "false"
        case let n as PyInt: out += try repr(n)
        case let f as PyFloat: out += jsonFloat(f.value)
        case let s as PyString: out += Self.jsonString(s.value, ascii: opt.ensureASCII)
        case is PyList, is PyTuple:
            let items = try iterateToArray(o)
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += opt.itemSeparator }
                if let nl = newline { out += nl }
                try jsonEncode(item, &out, opt, level: level + 1)
            }
            out += closing + "]"
        case let d as PyDict:
            var keys = dictKeys(d)
            if keys.isEmpty { out += "{}"; return }
            if opt.sortKeys {
                let sorted = PyList(keys)
                try sortList(sorted, key: nil, reverse: false)
                keys = sorted.items
            }
            out += "{"
            for (k, key) in keys.enumerated() {
                if k > 0 { out += opt.itemSeparator }
                if let nl = newline { out += nl }
                let keyText: String
                switch key {
                case let s as PyString: keyText = s.value
                case let b as PyBool: keyText = b.boolValue ? "true" : "false"
                case let n as PyInt: keyText = try repr(n)
                case let f as PyFloat: keyText = jsonFloat(f.value)
                case is PyNone: keyText = "null"
                default: throw typeError("keys must be str, int, float, bool or None, not \(typeName(key))")
                }
                out += Self.jsonString(keyText, ascii: opt.ensureASCII) + opt.keySeparator
                try jsonEncode(try dictGet(d, key) ?? PyNone.shared, &out, opt, level: level + 1)
            }
            out += closing + "}"
        default:
            if let f = opt.defaultFunction {
                try jsonEncode(try call(f, CallArgs([o])), &out, opt, level: level)
                return
            }
            throw typeError("Object of type \(typeName(o)) is not JSON serializable")
        }
    }
}

/// A JSON reader producing dicts, lists, strs, ints, floats, bools and None, with CPython's
/// "Expecting value: line 1 column 1 (char 0)" style errors.
struct JSONParser {
    let scalars: [Unicode.Scalar]
    let interp: Interpreter
    var pos = 0
    var depth = 0

    init(scalars: [Unicode.Scalar], interp: Interpreter) {
        self.scalars = scalars
        self.interp = interp
    }

    func fail(_ message: String, at p: Int) -> PyError {
        var line = 1, col = 1
        for k in 0..<min(p, scalars.count) {
            if scalars[k] == "\n" { line += 1; col = 1 } else { col += 1 }
        }
        return interp.error(Interpreter.jsonDecodeError, "\(message): line \(line) column \(col) (char \(p))")
    }

    mutating func skipSpace() {
        while pos < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[pos]) { pos += 1 }
    }

    mutating func parseDocument() throws -> PyObject {
        skipSpace()
        let v = try parseValue()
        skipSpace()
        if pos < scalars.count { throw fail("Extra data", at: pos) }
        return v
    }

    mutating func literal(_ word: String) -> Bool {
        let w = Array(word.unicodeScalars)
        guard pos + w.count <= scalars.count, Array(scalars[pos..<pos + w.count]) == w else { return false }
        pos += w.count
        return true
    }

    mutating func parseValue() throws -> PyObject {
        depth += 1
        defer { depth -= 1 }
        if depth > 900 { throw interp.error(ExceptionTypes.recursionError, "maximum recursion depth exceeded while decoding a JSON document") }
        guard pos < scalars.count else { throw fail("Expecting value", at: pos) }
        let c = scalars[pos]
        switch c {
        case "{":
            pos += 1
            let d = PyDict()
            skipSpace()
            if pos < scalars.count && scalars[pos] == "}" { pos += 1; return d }
            while true {
                skipSpace()
                guard pos < scalars.count, scalars[pos] == "\"" else {
                    throw fail("Expecting property name enclosed in double quotes", at: pos)
                }
                let key = try parseString()
                skipSpace()
                guard pos < scalars.count, scalars[pos] == ":" else { throw fail("Expecting ':' delimiter", at: pos) }
                pos += 1
                skipSpace()
                let v = try parseValue()
                try interp.dictSet(d, PyString(key), v)
                skipSpace()
                if pos < scalars.count && scalars[pos] == "," { pos += 1; continue }
                if pos < scalars.count && scalars[pos] == "}" { pos += 1; return d }
                throw fail("Expecting ',' delimiter", at: pos)
            }
        case "[":
            pos += 1
            var items: [PyObject] = []
            skipSpace()
            if pos < scalars.count && scalars[pos] == "]" { pos += 1; return PyList(items) }
            while true {
                skipSpace()
                items.append(try parseValue())
                skipSpace()
                if pos < scalars.count && scalars[pos] == "," { pos += 1; continue }
                if pos < scalars.count && scalars[pos] == "]" { pos += 1; return PyList(items) }
                throw fail("Expecting ',' delimiter", at: pos)
            }
        case "\"": return PyString(try parseString())
        default:
            if literal("null") { return PyNone.shared }
            if literal("true") { return PyBool.trueValue }
            if literal("false") { return PyBool.falseValue }
            if literal("NaN") { return PyFloat(.nan) }
            if literal("Infinity") { return PyFloat(.infinity) }
            if literal("-Infinity") { return PyFloat(-.infinity) }
            return try parseNumber()
        }
    }

    mutating func parseString() throws -> String {
        let start = pos
        pos += 1
        var out = String.UnicodeScalarView()
        while pos < scalars.count {
            let c = scalars[pos]
            if c == "\"" { pos += 1; return String(out) }
            if c == "\\" {
                pos += 1
                guard pos < scalars.count else { break }
                let e = scalars[pos]
                pos += 1
                switch e {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "/": out.append("/")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "u":
                    guard pos + 4 <= scalars.count, var v = UInt32(String(String.UnicodeScalarView(scalars[pos..<pos + 4])), radix: 16) else {
                        throw fail("Invalid \\uXXXX escape", at: pos - 1)
                    }
                    pos += 4
                    if v >= 0xD800 && v < 0xDC00, pos + 6 <= scalars.count, scalars[pos] == "\\", scalars[pos + 1] == "u",
                       let low = UInt32(String(String.UnicodeScalarView(scalars[pos + 2..<pos + 6])), radix: 16), low >= 0xDC00 && low < 0xE000 {
                        v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                        pos += 6
                    }
                    out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                default: throw fail("Invalid \\escape", at: pos - 2)
                }
                continue
            }
            if c.value < 0x20 { throw fail("Invalid control character at", at: pos) }
            out.append(c)
            pos += 1
        }
        throw fail("Unterminated string starting at", at: start)
    }

    mutating func parseNumber() throws -> PyObject {
        let start = pos
        if pos < scalars.count && scalars[pos] == "-" { pos += 1 }
        var isFloat = false
        while pos < scalars.count, let d = Optional(scalars[pos]), (d >= "0" && d <= "9") || d == "." || d == "e" || d == "E" || ((d == "+" || d == "-") && (scalars[pos - 1] == "e" || scalars[pos - 1] == "E")) {
            if d == "." || d == "e" || d == "E" { isFloat = true }
            pos += 1
        }
        let text = String(String.UnicodeScalarView(scalars[start..<pos]))
        if text.isEmpty || text == "-" { pos = start; throw fail("Expecting value", at: start) }
        if isFloat {
            guard let d = Double(text) else { throw fail("Expecting value", at: start) }
            return PyFloat(d)
        }
        do { return PyInt.make(try parsePythonInt(text, base: 10)) } catch { throw fail("Expecting value", at: start) }
    }
}
