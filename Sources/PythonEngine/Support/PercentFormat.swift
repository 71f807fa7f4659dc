// API (printf-style `format % args`, CPython 3.11's PyUnicode_Format):
//   enum PercentNumber { case int(BigInt), float(Double) }
//   enum PercentArguments<Value> { case tuple([Value]), single(Value), mapping(Value, lookup: (String) throws -> Value) }
//   struct PercentValueAccess<Value>      // how to look at an engine value: typeName, number, text, str, repr, ascii
//   func pythonPercentFormat<Value>(_ format: String, _ args: PercentArguments<Value>,
//                                   _ access: PercentValueAccess<Value>) throws -> String
// Building blocks (one conversion each, no argument handling):
//   struct PercentSpec { key: String?, leftAdjust, sign, space, alternate, zeroPad: Bool,
//                        width: PercentCount?, precision: PercentCount?, conversion: Character, conversionIndex: Int }
//   enum PercentCount { case value(Int), star }
//   enum PercentSegment { case literal(String), percent, conversion(PercentSpec) }
//   func parsePercentFormat(_ format: String) throws(SupportError) -> [PercentSegment]
//   func formatPercentInteger(_ v: BigInt, _ spec: PercentSpec) -> String     // d i u o x X
//   func formatPercentFloat(_ v: Double, _ spec: PercentSpec) -> String       // e E f F g G
//   func formatPercentText(_ s: String, _ spec: PercentSpec) -> String        // s r a (text already converted), c

import BigInt

/// A numeric view of an argument: what `%d`/`%f` accept (int, bool, float, or objects with
/// `__int__`/`__index__`/`__float__`, which the engine resolves before handing them over).
enum PercentNumber: Sendable, Equatable {
    case int(BigInt)
    case float(Double)
}

/// The right operand of `%`, classified as CPython does: a tuple supplies positional
/// arguments; a "mapping" serves `%(key)s` — CPython's test is PyMapping_Check, so this means
/// any object with `__getitem__` that is not a tuple or str: dict, but also list (`'%s' % [1]`
/// prints `[1]` and `'abc' % []` is not an error); anything else is one argument.
enum PercentArguments<Value> {
    case tuple([Value])
    case single(Value)
    case mapping(Value, lookup: (String) throws -> Value)
}

/// How the formatter looks at an engine value. Closures may throw engine errors (a user
/// `__str__` that raises, a KeyError from the mapping); they propagate unchanged.
struct PercentValueAccess<Value> {
    /// `type(v).__name__`, for the TypeError messages.
    var typeName: (Value) -> String
    /// The value as a number, or nil if it is not one (str, None, list…).
    var number: (Value) throws -> PercentNumber?
    /// The text when the value is a str (for `%c`), else nil.
    var text: (Value) -> String?
    var str: (Value) throws -> String
    var repr: (Value) throws -> String
    var ascii: (Value) throws -> String
}

/// A width or precision: a number, or `*` (taken from the arguments).
enum PercentCount: Sendable, Equatable {
    case value(Int)
    case star
}

/// One `%…` conversion as written.
struct PercentSpec: Sendable, Equatable {
    var key: String?
    var leftAdjust = false   // '-'
    var sign = false         // '+'
    var space = false        // ' '
    var alternate = false    // '#'
    var zeroPad = false      // '0'
    var width: PercentCount?
    var precision: PercentCount?
    /// The conversion character (any character: unsupported ones are reported when formatting).
    var conversion: Character = "s"
    /// Code-point index of the conversion character, for "unsupported format character" errors.
    var conversionIndex = 0
}

/// A piece of a format string.
enum PercentSegment: Sendable, Equatable {
    case literal(String)
    /// `%%`.
    case percent
    case conversion(PercentSpec)
}

// MARK: parsing

/// Splits a format string into literals and conversions. Raises CPython's ValueErrors for
/// "incomplete format", "incomplete format key", "width too big", "precision too big".
func parsePercentFormat(_ format: String) throws(SupportError) -> [PercentSegment] {
    var scanner = PercentScanner(format)
    var segments: [PercentSegment] = []
    while let segment = try scanner.next() { segments.append(segment) }
    return segments
}

/// Reads one segment at a time, so the formatter can interleave argument errors exactly
/// where CPython raises them.
struct PercentScanner {
    private let chars: [Unicode.Scalar]
    private var pos = 0

    init(_ format: String) { chars = Array(format.unicodeScalars) }

    mutating func next() throws(SupportError) -> PercentSegment? {
        guard pos < chars.count else { return nil }
        if chars[pos] != "%" {
            let start = pos
            while pos < chars.count && chars[pos] != "%" { pos += 1 }
            return .literal(PyStr.string(chars[start..<pos]))
        }
        pos += 1
        guard pos < chars.count else { throw .valueError("incomplete format") }
        if chars[pos] == "%" { pos += 1; return .percent }
        var spec = PercentSpec()
        if chars[pos] == "(" {
            pos += 1
            let keyStart = pos
            var depth = 1
            while pos < chars.count {
                if chars[pos] == ")" { depth -= 1 } else if chars[pos] == "(" { depth += 1 }
                pos += 1
                if depth == 0 { break }
            }
            if depth > 0 { throw .valueError("incomplete format key") }
            spec.key = PyStr.string(chars[keyStart..<(pos - 1)])
        }
        flags: while pos < chars.count {
            switch chars[pos] {
            case "-": spec.leftAdjust = true
            case "+": spec.sign = true
            case " ": spec.space = true
            case "#": spec.alternate = true
            case "0": spec.zeroPad = true
            default: break flags
            }
            pos += 1
        }
        spec.width = try count(limit: Int.max, error: "width too big")
        if pos < chars.count && chars[pos] == "." {
            pos += 1
            spec.precision = try count(limit: Int(Int32.max), error: "precision too big") ?? .value(0)
        }
        if pos < chars.count && (chars[pos] == "h" || chars[pos] == "l" || chars[pos] == "L") { pos += 1 }
        guard pos < chars.count else { throw .valueError("incomplete format") }
        spec.conversion = Character(chars[pos])
        spec.conversionIndex = pos
        pos += 1
        return .conversion(spec)
    }

    private mutating func count(limit: Int, error: String) throws(SupportError) -> PercentCount? {
        guard pos < chars.count else { return nil }
        if chars[pos] == "*" { pos += 1; return .star }
        var value = 0
        var any = false
        while pos < chars.count, chars[pos].value >= 48, chars[pos].value <= 57 {
            let digit = Int(chars[pos].value - 48)
            if value > (limit - digit) / 10 { throw .valueError(error) }
            value = value * 10 + digit
            any = true
            pos += 1
        }
        return any ? .value(value) : nil
    }
}

// MARK: the whole operation

/// `format % args`, with CPython's argument bookkeeping and errors ("not enough arguments for
/// format string", "not all arguments converted during string formatting", "format requires
/// a mapping", "* wants int", "%d format: a real number is required, not str", …).
func pythonPercentFormat<Value>(_ format: String, _ args: PercentArguments<Value>,
                                _ access: PercentValueAccess<Value>) throws -> String {
    var positional: [Value] = []
    var single: Value?
    var lookup: ((String) throws -> Value)?
    switch args {
    case .tuple(let values): positional = values
    case .single(let v): single = v
    case .mapping(let v, let l): single = v; lookup = l
    }
    // CPython's argidx/arglen: a non-tuple counts as one argument, usable once.
    var usingTuple = single == nil
    var index = 0
    var singleUsed = false
    func nextArgument() throws -> Value {
        if usingTuple {
            guard index < positional.count else { throw SupportError.typeError("not enough arguments for format string") }
            index += 1
            return positional[index - 1]
        }
        guard !singleUsed, let value = single else {
            throw SupportError.typeError("not enough arguments for format string")
        }
        singleUsed = true
        return value
    }

    var out = ""
    var scanner = PercentScanner(format)
    while let segment = try scanner.next() {
        switch segment {
        case .literal(let text): out += text
        case .percent: out += "%"
        case .conversion(var spec):
            if let key = spec.key {
                guard let lookup else { throw SupportError.typeError("format requires a mapping") }
                single = try lookup(key)
                singleUsed = false
                usingTuple = false
            }
            if spec.width == .star {
                let w = try starValue(try nextArgument(), access)
                if w < 0 { spec.leftAdjust = true }
                spec.width = .value(Swift.abs(w))
            }
            if spec.precision == .star {
                spec.precision = .value(Swift.max(0, try starValue(try nextArgument(), access)))
            }
            if case .value(let w)? = spec.width { try checkResultLength(w) }
            if case .value(let p)? = spec.precision, "eEfFgGdiuoxX".contains(spec.conversion) { try checkResultLength(p) }
            let value = try nextArgument()
            out += try formatPercentValue(value, spec, access)
        }
    }
    let leftOver = usingTuple ? index < positional.count : (!singleUsed && lookup == nil)
    if leftOver { throw SupportError.typeError("not all arguments converted during string formatting") }
    return out
}

private func starValue<Value>(_ v: Value, _ access: PercentValueAccess<Value>) throws -> Int {
    guard case .int(let n)? = try access.number(v), access.text(v) == nil else {
        throw SupportError.typeError("* wants int")
    }
    guard let small = Int(exactly: n) else {
        throw SupportError.overflowError("Python int too large to convert to C ssize_t")
    }
    // A width this large could never be produced anyway; refusing here also keeps abs() safe.
    try checkResultLength(small.magnitude > UInt(Int.max) ? Int.max : Int(small.magnitude))
    return small
}

/// One conversion of one value.
private func formatPercentValue<Value>(_ value: Value, _ spec: PercentSpec,
                                       _ access: PercentValueAccess<Value>) throws -> String {
    let c = spec.conversion
    switch c {
    case "s": return formatPercentText(try access.str(value), spec)
    case "r": return formatPercentText(try access.repr(value), spec)
    case "a": return formatPercentText(try access.ascii(value), spec)
    case "d", "i", "u", "o", "x", "X":
        let integer: BigInt
        switch try access.number(value) {
        case .int(let n)?:
            integer = n
        case .float(let d)? where c == "d" || c == "i" || c == "u":
            integer = try pythonRound(d.rounded(.towardZero))   // int(d); inf/nan raise as CPython
        default:
            let what = (c == "o" || c == "x" || c == "X") ? "an integer is required" : "a real number is required"
            throw SupportError.typeError("%\(c) format: \(what), not \(access.typeName(value))")
        }
        return formatPercentInteger(integer, spec)
    case "e", "E", "f", "F", "g", "G":
        let d: Double
        switch try access.number(value) {
        case .float(let f)?: d = f
        case .int(let n)?: d = try bigIntToDouble(n)
        case nil: throw SupportError.typeError("must be real number, not \(access.typeName(value))")
        }
        return formatPercentFloat(d, spec)
    case "c":
        if let text = access.text(value) {
            guard text.unicodeScalars.count == 1 else { throw SupportError.typeError("%c requires int or char") }
            return formatPercentText(text, spec)
        }
        guard case .int(let n)? = try access.number(value) else {
            throw SupportError.typeError("%c requires int or char")
        }
        guard let code = UInt32(exactly: n), code < 0x110000 else {
            throw SupportError.overflowError("%c arg not in range(0x110000)")
        }
        guard let scalar = Unicode.Scalar(code) else {
            throw SupportError.valueError("%c arg is a surrogate code point, which this engine cannot represent")
        }
        return formatPercentText(String(Character(scalar)), spec)
    default:
        let v = c.unicodeScalars.first?.value ?? 0
        let shown = (31...126).contains(v) ? String(c) : "?"
        throw SupportError.valueError("unsupported format character '\(shown)' (0x\(String(v, radix: 16))) at index \(spec.conversionIndex)")
    }
}

// MARK: single conversions

/// `%d %i %u %o %x %X` of an int: precision pads the digits with zeros; `#` adds 0o/0x/0X.
func formatPercentInteger(_ v: BigInt, _ spec: PercentSpec) -> String {
    var radix = 10
    var prefix = ""
    switch spec.conversion {
    case "o": radix = 8; prefix = "0o"
    case "x": radix = 16; prefix = "0x"
    case "X": radix = 16; prefix = "0X"
    default: break
    }
    var digits = String(v.magnitude, radix: radix, uppercase: spec.conversion == "X")
    if case .value(let p)? = spec.precision, p > digits.count {
        digits = String(repeating: "0", count: p - digits.count) + digits
    }
    return layoutNumber(negative: v.signum() < 0, prefix: spec.alternate ? prefix : "", body: digits, spec)
}

/// `%e %E %f %F %g %G` of a float (precision 6 by default; `#` keeps the point).
func formatPercentFloat(_ v: Double, _ spec: PercentSpec) -> String {
    var precision = 6
    if case .value(let p)? = spec.precision { precision = p }
    let text = pythonDoubleToString(v, code: spec.conversion, precision: precision,
                                    flags: spec.alternate ? .alternate : [])
    let negative = text.hasPrefix("-")
    return layoutNumber(negative: negative, prefix: "", body: negative ? String(text.dropFirst()) : text, spec)
}

/// `%s %r %a %c` once the text is known: precision truncates, width pads with spaces.
func formatPercentText(_ s: String, _ spec: PercentSpec) -> String {
    var text = s
    if case .value(let p)? = spec.precision, spec.conversion != "c", text.unicodeScalars.count > p {
        text = PyStr.string(text.unicodeScalars.prefix(p))
    }
    guard case .value(let width)? = spec.width else { return text }
    let padding = width - text.unicodeScalars.count
    guard padding > 0 else { return text }
    let spaces = String(repeating: " ", count: padding)
    return spec.leftAdjust ? text + spaces : spaces + text
}

/// CPython's `unicode_format_arg_output` for numbers: sign, then `0x` prefix, then zero
/// padding (only when `0` is given without `-`), else space padding outside the sign.
private func layoutNumber(negative: Bool, prefix: String, body: String, _ spec: PercentSpec) -> String {
    var signText = ""
    if negative { signText = "-" } else if spec.sign { signText = "+" } else if spec.space { signText = " " }
    let core = prefix + body
    var width = 0
    if case .value(let w)? = spec.width { width = w }
    let length = signText.count + core.unicodeScalars.count
    guard width > length else { return signText + core }
    let padding = width - length
    if spec.leftAdjust { return signText + core + String(repeating: " ", count: padding) }
    if spec.zeroPad { return signText + prefix + String(repeating: "0", count: padding) + body }
    return String(repeating: " ", count: padding) + signText + core
}
