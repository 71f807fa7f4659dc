// API:
//   func pythonFloatRepr(_ d: Double) -> String
//       CPython repr(float)/str(float): "0.1", "1e+16", "1e-05", "-0.0", "inf", "nan".
//   func pythonDoubleToString(_ d: Double, code: Character, precision: Int,
//                             flags: DoubleToStringFlags = []) -> String
//       Port of PyOS_double_to_string: code is one of e E f F g G r (r = repr; precision ignored).
//   struct DoubleToStringFlags: OptionSet  // .alwaysSign (+), .addDotZero, .alternate (#), .noNegativeZero (z)

/// Flags of CPython's `PyOS_double_to_string` (Py_DTSF_*).
struct DoubleToStringFlags: OptionSet, Sendable {
    let rawValue: Int
    /// Always print a sign (`+` for non-negative values): format spec `+`.
    static let alwaysSign = DoubleToStringFlags(rawValue: 1)
    /// Append ".0" when the result would look like an integer: repr, and format's "no type" case.
    static let addDotZero = DoubleToStringFlags(rawValue: 2)
    /// The `#` alternate form: always keep the decimal point; 'g' keeps trailing zeros.
    static let alternate = DoubleToStringFlags(rawValue: 4)
    /// The `z` option: a result that rounds to zero loses its minus sign.
    static let noNegativeZero = DoubleToStringFlags(rawValue: 8)
}

/// `repr(d)` exactly as CPython 3.11 prints it (also `str(d)`).
///
/// Shortest round-tripping digits, in exponent form when the decimal exponent is < -4 or >= 16
/// (`1e-05`, `0.0001`, `1e+16`, `123456789012345.0`), always with a `.0` otherwise.
func pythonFloatRepr(_ d: Double) -> String {
    pythonDoubleToString(d, code: "r", precision: 0, flags: .addDotZero)
}

/// A port of CPython's `PyOS_double_to_string` + `format_float_short` (Python/pystrtod.c).
///
/// The digit *generation* is exact (see `DecimalDigits`); this function only reproduces
/// CPython's layout rules, kept close to the C so the two can be compared line by line.
/// - Parameters:
///   - code: `e E f F g G r`. Upper-case codes print `E`, `INF`, `NAN`.
///   - precision: digits after the point (e, f) or significant digits (g; 0 means 1).
func pythonDoubleToString(_ d: Double, code: Character, precision: Int,
                          flags: DoubleToStringFlags = []) -> String {
    let upper = code == "E" || code == "F" || code == "G"
    let lowerCode: Character = upper ? Character(code.lowercased()) : code
    var precision = precision
    let digits: DecimalDigits
    let isNegative = d.sign == .minus && !d.isNaN

    var out = ""
    if d.isNaN || d.isInfinite {
        // CPython never prints a minus sign for a NaN, but '+' applies to both.
        if isNegative { out = "-" } else if flags.contains(.alwaysSign) { out = "+" }
        out += d.isNaN ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf")
        return out
    }

    switch lowerCode {
    case "e":
        precision += 1
        digits = .significant(d, count: precision)
    case "f":
        digits = .fixed(d, fractionDigits: precision)
    case "g":
        if precision == 0 { precision = 1 }
        digits = .significant(d, count: precision)
    default: // "r"
        digits = .shortest(d)
    }

    var negative = isNegative
    let isZeroResult = digits.digits.allSatisfy { $0 == 0 }
    if flags.contains(.noNegativeZero) && isZeroResult { negative = false }
    if negative { out = "-" } else if flags.contains(.alwaysSign) { out = "+" }

    let addDot0 = flags.contains(.addDotZero)
    let alt = flags.contains(.alternate)
    let digitsLen = digits.digits.count
    var decpt = digits.decimalPoint
    var vdigitsEnd = digitsLen
    var useExp = false
    switch lowerCode {
    case "e":
        useExp = true
        vdigitsEnd = precision
    case "f":
        vdigitsEnd = decpt + precision
    case "g":
        if decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision) { useExp = true }
        if alt { vdigitsEnd = precision }
    default:
        if decpt <= -4 || decpt > 16 { useExp = true }
    }

    var exp = 0
    if useExp {
        exp = decpt - 1
        decpt = 1
    }
    // Ensure vdigitsStart < decpt <= vdigitsEnd (strictly < when a ".0" must be added).
    let vdigitsStart = decpt <= 0 ? decpt - 1 : 0
    if !useExp && addDot0 {
        vdigitsEnd = Swift.max(vdigitsEnd, decpt + 1)
    } else {
        vdigitsEnd = Swift.max(vdigitsEnd, decpt)
    }

    var body = ""
    let ds = digits.digits.map { Character(Unicode.Scalar($0 + 48)) }
    func zeros(_ n: Int) { if n > 0 { body += String(repeating: "0", count: n) } }
    // Zero padding on the left of the digit string.
    if decpt <= 0 {
        zeros(decpt - vdigitsStart)
        body += "."
        zeros(0 - decpt)
    } else {
        zeros(0 - vdigitsStart)
    }
    // The digits, with the decimal point inside them when it falls there.
    if 0 < decpt && decpt <= digitsLen {
        body += String(ds[0..<decpt])
        body += "."
        body += String(ds[decpt...])
    } else {
        body += String(ds)
    }
    // Zeros on the right up to vdigitsEnd.
    if digitsLen < decpt {
        zeros(decpt - digitsLen)
        body += "."
        zeros(vdigitsEnd - decpt)
    } else {
        zeros(vdigitsEnd - digitsLen)
    }
    if body.last == "." && !alt { body.removeLast() }
    if useExp {
        body += upper ? "E" : "e"
        body += exp < 0 ? "-" : "+"
        let magnitude = String(Swift.abs(exp))
        body += magnitude.count < 2 ? "0" + magnitude : magnitude
    }
    return out + body
}
