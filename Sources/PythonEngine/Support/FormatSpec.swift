// API:
//   struct FormatSpec: Equatable, Sendable
//     init(parsing spec: String, typeName: String = "object") throws(SupportError)
//         Parses [[fill]align][sign][z][#][0][width][grouping][.precision][type].
//         typeName only feeds the message "Invalid format specifier '…' for object of type 'int'".
//     var fill: Unicode.Scalar?  align: Character?  sign: Character?  noNegativeZero: Bool
//     var alternate: Bool  zeroPad: Bool  width: Int?  grouping: Character?  precision: Int?
//     var type: Character?  let text: String
//   Formatting (other files):
//     func formatInteger(_ v: BigInt, _ spec: FormatSpec, typeName: String = "int") throws(SupportError) -> String
//     func formatFloat(_ v: Double, _ spec: FormatSpec, typeName: String = "float") throws(SupportError) -> String
//     func formatText(_ s: String, _ spec: FormatSpec, typeName: String = "str") throws(SupportError) -> String
//   and the one-call forms taking the spec as a String:
//     func formatInteger(_ v: BigInt, spec: String, typeName: String = "int") throws(SupportError) -> String
//     func formatFloat(_ v: Double, spec: String, typeName: String = "float") throws(SupportError) -> String
//     func formatText(_ s: String, spec: String, typeName: String = "str") throws(SupportError) -> String
//
// Note for callers: format(x, "") is str(x) for every built-in type (format(True, "") is "True"),
// and the float "" spec is repr; these functions implement that too, except that bools
// must be sent to formatText(str(x)) by the caller when the spec is empty.

/// A parsed format specification (the part after `:` in `{x:>10.2f}`), as CPython's
/// `parse_internal_render_format_spec` reads it. Type-specific checks (which options a type
/// accepts) happen in the `format*` functions, in CPython's order, so error messages match.
struct FormatSpec: Equatable, Sendable {
    /// Fill code point, when given explicitly or by the `0` option (then `"0"`).
    var fill: Unicode.Scalar?
    /// `<`, `>`, `=`, `^`, or nil for the type's default.
    var align: Character?
    /// `+`, `-`, ` ` or nil.
    var sign: Character?
    /// The `z` option (3.11): coerce negative zero to zero after rounding.
    var noNegativeZero = false
    /// The `#` option.
    var alternate = false
    /// The legacy `0` option (zero padding when no fill was given).
    var zeroPad = false
    var width: Int?
    /// `,` or `_`.
    var grouping: Character?
    var precision: Int?
    /// The presentation type, nil when absent.
    var type: Character?
    /// The spec as written, for error messages.
    let text: String

    /// Parses a spec. Throws CPython's ValueErrors for malformed specs.
    init(parsing spec: String, typeName: String = "object") throws(SupportError) {
        text = spec
        let s = Array(spec.unicodeScalars)
        var pos = 0
        let end = s.count
        func isAlign(_ c: Unicode.Scalar) -> Bool { c == "<" || c == ">" || c == "=" || c == "^" }

        if end - pos >= 2 && isAlign(s[pos + 1]) {
            fill = s[pos]
            align = Character(s[pos + 1])
            pos += 2
        } else if end - pos >= 1 && isAlign(s[pos]) {
            align = Character(s[pos])
            pos += 1
        }
        if pos < end && (s[pos] == "+" || s[pos] == "-" || s[pos] == " ") {
            sign = Character(s[pos]); pos += 1
        }
        if pos < end && s[pos] == "z" { noNegativeZero = true; pos += 1 }
        if pos < end && s[pos] == "#" { alternate = true; pos += 1 }
        if fill == nil && pos < end && s[pos] == "0" {
            zeroPad = true
            fill = "0"
            pos += 1
        }
        width = try Self.readInteger(s, &pos)
        if pos < end && s[pos] == "," { grouping = ","; pos += 1 }
        if pos < end && s[pos] == "_" {
            if grouping != nil { throw .valueError("Cannot specify both ',' and '_'.") }
            grouping = "_"; pos += 1
        }
        if pos < end && s[pos] == "," && grouping == "_" {
            throw .valueError("Cannot specify both ',' and '_'.")
        }
        if pos < end && s[pos] == "." {
            pos += 1
            precision = try Self.readInteger(s, &pos)
            if precision == nil { throw .valueError("Format specifier missing precision") }
        }
        if end - pos > 1 {
            throw .valueError("Invalid format specifier '\(spec)' for object of type '\(typeName)'")
        }
        if pos < end { type = Character(s[pos]) }
    }

    /// Reads a run of ASCII digits; nil if there are none. CPython refuses more than
    /// Py_ssize_t can hold with "Too many decimal digits in format string".
    private static func readInteger(_ s: [Unicode.Scalar], _ pos: inout Int) throws(SupportError) -> Int? {
        var value = 0
        var any = false
        while pos < s.count, let digit = asciiDigit(s[pos]) {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(digit)
            if o1 || o2 { throw .valueError("Too many decimal digits in format string") }
            value = a
            any = true
            pos += 1
        }
        return any ? value : nil
    }

    /// A decimal digit of any script: CPython reads widths with Py_UNICODE_TODECIMAL, so
    /// `format(1, '١٠')` pads to 10.
    private static func asciiDigit(_ c: Unicode.Scalar) -> Int? {
        if c.value >= 48 && c.value <= 57 { return Int(c.value - 48) }
        guard c.properties.numericType == .decimal, let v = c.properties.numericValue else { return nil }
        return Int(v)
    }

    /// CPython checks the grouping option against the (defaulted) type at parse time.
    /// Returns the group size: 3 for decimal types, 4 for `_` with b/o/x/X, nil for none.
    func groupSize(effectiveType: Character) throws(SupportError) -> Int? {
        guard let grouping else { return nil }
        switch effectiveType {
        case "d", "e", "f", "g", "E", "G", "%", "F", "\0":
            return 3
        case "b", "o", "x", "X":
            if grouping == "_" { return 4 }
            fallthrough
        default:
            let shown: String
            if let a = effectiveType.asciiValue, a > 32, a < 128 {
                shown = String(effectiveType)
            } else {
                let v = effectiveType.unicodeScalars.first?.value ?? 0
                shown = "\\x" + String(v, radix: 16)
            }
            throw .valueError("Cannot specify '\(grouping)' with '\(shown)'.")
        }
    }

    /// The alignment in force: explicit, or `=` for zero-padded numbers, or the type's default.
    func effectiveAlign(default defaultAlign: Character) -> Character {
        if let align { return align }
        if zeroPad && defaultAlign == ">" { return "=" }
        return defaultAlign
    }

    /// The fill code point in force (space unless given or zero-padding).
    var effectiveFill: Unicode.Scalar { fill ?? " " }
}

/// The pieces of a formatted number, laid out by CPython's `calc_number_widths`/`fill_number`:
/// `<lpadding><sign><prefix><spadding><grouped digits><decimal point><remainder><rpadding>`.
struct NumberLayout {
    /// `-` when the number is negative (the spec decides whether `+`/space is shown otherwise).
    var isNegative: Bool
    /// `0x`, `0o`, `0b` (already in the right case) or "".
    var prefix: String
    /// The integer-part digits (to be grouped). Empty only for 'c' or inf/nan.
    var digits: String
    /// Whether a decimal point follows the digits.
    var hasDecimalPoint: Bool
    /// Everything after the point (or after the digits): fraction, exponent, `%`, "inf".
    var remainder: String

    /// Assembles the number with padding, sign and grouping as the spec asks.
    func render(_ spec: FormatSpec, groupSize: Int?) -> String {
        var signText = ""
        switch spec.sign {
        case "+": signText = isNegative ? "-" : "+"
        case " ": signText = isNegative ? "-" : " "
        default: if isNegative { signText = "-" }
        }
        let fill = spec.effectiveFill
        let align = spec.effectiveAlign(default: ">")
        let width = spec.width ?? -1
        let nonDigit = signText.count + prefix.count + (hasDecimalPoint ? 1 : 0) + remainder.unicodeScalars.count
        let minWidth = (fill == "0" && align == "=") ? width - nonDigit : 0
        let grouped: String
        if digits.isEmpty {
            grouped = ""
        } else {
            grouped = insertGrouping(Array(digits.unicodeScalars), minWidth: minWidth,
                                     separator: spec.grouping == nil ? nil : (spec.grouping == "_" ? "_" : ","),
                                     groupSize: groupSize ?? 0)
        }
        let padding = width - (nonDigit + grouped.unicodeScalars.count)
        var left = 0, middle = 0, right = 0
        if padding > 0 {
            switch align {
            case "<": right = padding
            case "^": left = padding / 2; right = padding - left
            case "=": middle = padding
            default: left = padding
            }
        }
        let f = String(Character(fill))
        return String(repeating: f, count: left) + signText + prefix + String(repeating: f, count: middle)
            + grouped + (hasDecimalPoint ? "." : "") + remainder + String(repeating: f, count: right)
    }
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`: groups `digits` from the right and, when
/// zero-padding (`minWidth` > 0), keeps producing zero digits — grouped too — until the width
/// is reached (`format(1234, '08,')` is `0,001,234`).
func insertGrouping(_ digits: [Unicode.Scalar], minWidth: Int, separator: Unicode.Scalar?,
                    groupSize: Int) -> String {
    var chunks: [String] = []
    var remaining = digits.count
    var minWidth = minWidth
    var end = digits.count
    func take(_ l: Int) {
        let zeros = Swift.max(0, l - remaining)
        let chars = Swift.max(0, Swift.min(remaining, l))
        var chunk = String(repeating: "0", count: zeros)
        chunk.unicodeScalars.append(contentsOf: digits[(end - chars)..<end])
        end -= chars
        chunks.append(chunk)
        remaining -= chars
        minWidth -= l
    }
    if let _ = separator, groupSize > 0 {
        while true {
            let l = Swift.min(groupSize, Swift.max(remaining, minWidth, 1))
            take(l)
            if remaining <= 0 && minWidth <= 0 { break }
            minWidth -= 1
        }
    } else {
        take(Swift.max(remaining, minWidth, 1))
    }
    let sep = separator.map { String(Character($0)) } ?? ""
    return chunks.reversed().joined(separator: sep)
}

/// Pads an already-rendered text (strings, and `c` characters) by width and alignment.
func padText(_ s: String, width: Int?, align: Character, fill: Unicode.Scalar) -> String {
    let len = s.unicodeScalars.count
    guard let width, width > len else { return s }
    let padding = width - len
    let f = String(Character(fill))
    switch align {
    case ">": return String(repeating: f, count: padding) + s
    case "^":
        let left = padding / 2
        return String(repeating: f, count: left) + s + String(repeating: f, count: padding - left)
    default: return s + String(repeating: f, count: padding)
    }
}
