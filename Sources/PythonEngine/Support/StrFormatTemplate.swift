// API (`str.format` / `str.format_map`, a port of CPython's Objects/stringlib/unicode_format.h):
//   struct FormatField { name: String, conversion: Character?, spec: String, specNeedsExpanding: Bool }
//   enum FormatTemplatePiece { case literal(String), field(FormatField) }
//   struct FormatTemplateScanner { init(_ template: String); mutating func next() throws(SupportError) -> FormatTemplatePiece? }
//   enum FieldKey { case index(Int), name(String) }
//   enum FieldAccessor { case attribute(String), index(Int), key(String) }
//   struct FieldNameIterator { mutating func next() throws(SupportError) -> FieldAccessor? }
//   struct AutoFieldNumbering { mutating func split(_ fieldName: String) throws(SupportError) -> (FieldKey, FieldNameIterator) }
//   struct StrFormatAccess<Value>   // how to reach engine values: positional, keyword, attribute, item, convert, format
//   func pythonStrFormat<Value>(_ template: String, _ access: StrFormatAccess<Value>) throws -> String

/// One `{name!conversion:spec}` replacement field as written.
struct FormatField: Sendable, Equatable {
    /// Everything before `!` or `:` (may be empty: automatic numbering).
    var name: String
    /// `r`, `s`, `a` — or any other character, reported when the field is rendered.
    var conversion: Character?
    /// The format spec, still containing nested `{}` fields when `specNeedsExpanding`.
    var spec: String
    var specNeedsExpanding: Bool
}

/// A piece of a `str.format` template.
enum FormatTemplatePiece: Sendable, Equatable {
    case literal(String)
    case field(FormatField)
}

/// CPython's `MarkupIterator`: yields literal text and fields one at a time, raising its
/// ValueErrors ("Single '}' encountered in format string", "expected '}' before end of
/// string", "unmatched '{' in format spec", …) exactly when CPython reaches them.
struct FormatTemplateScanner {
    private let chars: [Unicode.Scalar]
    private var pos = 0

    init(_ template: String) { chars = Array(template.unicodeScalars) }

    /// The next literal or field; nil at the end of the template.
    mutating func next() throws(SupportError) -> FormatTemplatePiece? {
        if let field = pending {
            pending = nil
            return .field(field)
        }
        return try scan()
    }

    /// A field parsed together with the literal before it, handed out on the next call.
    private var pending: FormatField?

    private mutating func scan() throws(SupportError) -> FormatTemplatePiece? {
        guard pos < chars.count else { return nil }
        let start = pos
        var c: Unicode.Scalar = "\0"
        var markupFollows = false
        while pos < chars.count {
            c = chars[pos]
            pos += 1
            if c == "{" || c == "}" { markupFollows = true; break }
        }
        let atEnd = pos >= chars.count
        var length = pos - start
        if c == "}" && markupFollows && (atEnd || chars[pos] != c) {
            throw .valueError("Single '}' encountered in format string")
        }
        if atEnd && c == "{" && markupFollows {
            throw .valueError("Single '{' encountered in format string")
        }
        if !atEnd && markupFollows {
            if chars[pos] == c {
                pos += 1            // an escaped brace: literal text including one brace
                markupFollows = false
            } else {
                length -= 1
            }
        }
        let literal = PyStr.string(chars[start..<(start + length)])
        guard markupFollows else { return .literal(literal) }
        let field = try parseField()
        // A literal before a field comes out first; the field is re-read next time.
        if !literal.isEmpty {
            pending = field
            return .literal(literal)
        }
        return .field(field)
    }

    /// CPython's `parse_field`, reading from just after the opening `{`.
    private mutating func parseField() throws(SupportError) -> FormatField {
        let nameStart = pos
        var c: Unicode.Scalar = "\0"
        var terminated = false
        scan: while pos < chars.count {
            c = chars[pos]
            pos += 1
            switch c {
            case "{":
                throw .valueError("unexpected '{' in field name")
            case "[":
                while pos < chars.count && chars[pos] != "]" { pos += 1 }
            case "}", ":", "!":
                terminated = true
                break scan
            default:
                break
            }
        }
        let nameEnd = terminated ? pos - 1 : pos
        var field = FormatField(name: PyStr.string(chars[nameStart..<nameEnd]), conversion: nil, spec: "",
                                specNeedsExpanding: false)
        guard terminated else { throw .valueError("expected '}' before end of string") }
        if c == "}" { return field }
        if c == "!" {
            guard pos < chars.count else {
                throw .valueError("end of string while looking for conversion specifier")
            }
            field.conversion = Character(chars[pos])
            pos += 1
            if pos < chars.count {
                let after = chars[pos]
                pos += 1
                if after == "}" { return field }
                if after != ":" { throw .valueError("expected ':' after conversion specifier") }
            }
        }
        let specStart = pos
        var depth = 1
        while pos < chars.count {
            let ch = chars[pos]
            pos += 1
            if ch == "{" {
                field.specNeedsExpanding = true
                depth += 1
            } else if ch == "}" {
                depth -= 1
                if depth == 0 {
                    field.spec = PyStr.string(chars[specStart..<(pos - 1)])
                    return field
                }
            }
        }
        throw .valueError("unmatched '{' in format spec")
    }
}

/// The first part of a field name: a positional index or a keyword.
enum FieldKey: Sendable, Equatable {
    case index(Int)
    case name(String)
}

/// One `.attr`, `[0]` or `[key]` step after the first part of a field name.
enum FieldAccessor: Sendable, Equatable {
    case attribute(String)
    case index(Int)
    case key(String)
}

/// CPython's `FieldNameIterator`: steps are produced lazily so that an error later in the
/// name ("Only '.' or '[' may follow ']' in format field specifier") comes after the lookups
/// before it, as in CPython.
struct FieldNameIterator {
    private let chars: [Unicode.Scalar]
    private var pos: Int

    fileprivate init(_ chars: [Unicode.Scalar], start: Int) {
        self.chars = chars
        self.pos = start
    }

    mutating func next() throws(SupportError) -> FieldAccessor? {
        guard pos < chars.count else { return nil }
        let c = chars[pos]
        pos += 1
        let step: FieldAccessor
        let name: String
        switch c {
        case ".":
            let start = pos
            while pos < chars.count && chars[pos] != "." && chars[pos] != "[" { pos += 1 }
            name = PyStr.string(chars[start..<pos])
            step = .attribute(name)
        case "[":
            let start = pos
            while pos < chars.count && chars[pos] != "]" { pos += 1 }
            guard pos < chars.count else { throw .valueError("Missing ']' in format string") }
            name = PyStr.string(chars[start..<pos])
            pos += 1
            if let index = try fieldInteger(Array(name.unicodeScalars)) { step = .index(index) } else { step = .key(name) }
        default:
            throw .valueError("Only '.' or '[' may follow ']' in format field specifier")
        }
        if name.isEmpty { throw .valueError("Empty attribute in format string") }
        return step
    }
}

/// CPython's `get_integer`: a run of decimal digits (any script), nil otherwise.
private func fieldInteger(_ chars: [Unicode.Scalar]) throws(SupportError) -> Int? {
    guard !chars.isEmpty else { return nil }
    var value = 0
    for c in chars {
        guard c.properties.numericType == .decimal, let d = c.properties.numericValue else { return nil }
        let digit = Int(d)
        if value > (Int.max - digit) / 10 { throw .valueError("Too many decimal digits in format string") }
        value = value * 10 + digit
    }
    return value
}

/// The automatic-numbering state shared by all fields of one `format` call (nested specs
/// included): `{}` counts up, and mixing `{}` with `{0}` is an error in either order.
struct AutoFieldNumbering {
    private enum State { case initial, automatic, manual }
    private var state = State.initial
    private var nextIndex = 0

    /// CPython's `field_name_split`: the first key (numbering resolved) and the rest.
    mutating func split(_ fieldName: String) throws(SupportError) -> (FieldKey, FieldNameIterator) {
        let chars = Array(fieldName.unicodeScalars)
        var i = 0
        while i < chars.count && chars[i] != "." && chars[i] != "[" { i += 1 }
        let first = Array(chars[0..<i])
        let rest = FieldNameIterator(chars, start: i)
        let index = try fieldInteger(first)
        let isEmpty = first.isEmpty
        if isEmpty || index != nil {
            if state == .initial { state = isEmpty ? .automatic : .manual }
            if state == .manual && isEmpty {
                throw .valueError("cannot switch from manual field specification to automatic field numbering")
            }
            if state != .manual && !isEmpty {
                throw .valueError("cannot switch from automatic field numbering to manual field specification")
            }
        }
        if isEmpty {
            defer { nextIndex += 1 }
            return (.index(nextIndex), rest)
        }
        if let index { return (.index(index), rest) }
        return (.name(PyStr.string(first)), rest)
    }
}

/// How `pythonStrFormat` reaches engine values. Closures may throw engine errors
/// (KeyError, AttributeError, a user `__format__` raising); they propagate unchanged.
struct StrFormatAccess<Value> {
    /// How many positional arguments there are (nil for `format_map`, which has none).
    var positionalCount: Int?
    /// `args[i]`, with `0 <= i < positionalCount`.
    var positional: (Int) throws -> Value
    /// `kwargs[name]` (or `mapping[name]` for format_map); should raise KeyError when missing.
    var keyword: (String) throws -> Value
    /// `getattr(value, name)`.
    var attribute: (Value, String) throws -> Value
    /// `value[index]` for an integer accessor.
    var index: (Value, Int) throws -> Value
    /// `value[key]` for a string accessor.
    var key: (Value, String) throws -> Value
    /// `repr(value)`, `str(value)` or `ascii(value)` as a new value (for `!r`, `!s`, `!a`).
    var convert: (Value, Character) throws -> Value
    /// `format(value, spec)`.
    var format: (Value, String) throws -> String
}

/// `template.format(*args, **kwargs)`, following CPython's `build_string`: nested fields in a
/// spec are expanded first (two levels at most: "Max string recursion exceeded"), then the
/// value is looked up, converted and formatted.
func pythonStrFormat<Value>(_ template: String, _ access: StrFormatAccess<Value>) throws -> String {
    var numbering = AutoFieldNumbering()
    return try buildFormatString(template, access, depth: 2, &numbering)
}

private func buildFormatString<Value>(_ template: String, _ access: StrFormatAccess<Value>, depth: Int,
                                      _ numbering: inout AutoFieldNumbering) throws -> String {
    if depth <= 0 { throw SupportError.valueError("Max string recursion exceeded") }
    var scanner = FormatTemplateScanner(template)
    var out = ""
    while let piece = try scanner.next() {
        switch piece {
        case .literal(let text):
            out += text
        case .field(let field):
            var value = try fieldValue(field.name, access, &numbering)
            if let conversion = field.conversion {
                guard conversion == "r" || conversion == "s" || conversion == "a" else {
                    let v = conversion.unicodeScalars.first?.value ?? 0
                    let shown = (v > 32 && v < 127) ? String(conversion) : "\\x" + String(v, radix: 16)
                    throw SupportError.valueError("Unknown conversion specifier \(shown)")
                }
                value = try access.convert(value, conversion)
            }
            var spec = field.spec
            if field.specNeedsExpanding {
                spec = try buildFormatString(spec, access, depth: depth - 1, &numbering)
            }
            out += try access.format(value, spec)
        }
    }
    return out
}

/// CPython's `get_field_object`.
private func fieldValue<Value>(_ name: String, _ access: StrFormatAccess<Value>,
                               _ numbering: inout AutoFieldNumbering) throws -> Value {
    let (first, rest) = try numbering.split(name)
    var value: Value
    switch first {
    case .name(let key):
        value = try access.keyword(key)
    case .index(let i):
        guard let count = access.positionalCount else {
            throw SupportError.valueError("Format string contains positional fields")
        }
        guard i < count else {
            throw SupportError.indexError("Replacement index \(i) out of range for positional args tuple")
        }
        value = try access.positional(i)
    }
    var steps = rest
    while let step = try steps.next() {
        switch step {
        case .attribute(let attr): value = try access.attribute(value, attr)
        case .index(let i): value = try access.index(value, i)
        case .key(let k): value = try access.key(value, k)
        }
    }
    return value
}
