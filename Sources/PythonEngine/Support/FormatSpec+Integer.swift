// API:
//   func formatInteger(_ v: BigInt, _ spec: FormatSpec, typeName: String = "int") throws(SupportError) -> String
//   func formatInteger(_ v: BigInt, spec: String, typeName: String = "int") throws(SupportError) -> String
//   Types: b c d o x X n and none (= d); e E f F g G % convert to float first (OverflowError
//   "int too large to convert to float" when it does not fit).

import BigInt

/// `format(v, spec)` for an int (or bool: pass typeName "bool"), as CPython's
/// `format_long_internal`. An empty spec gives `str(v)`.
func formatInteger(_ v: BigInt, _ spec: FormatSpec, typeName: String = "int") throws(SupportError) -> String {
    let type = spec.type ?? "d"
    let groupSize = try spec.groupSize(effectiveType: type)
    try checkResultLength(spec.width ?? 0)
    switch type {
    case "b", "c", "d", "o", "x", "X", "n":
        break
    case "e", "E", "f", "F", "g", "G", "%":
        let d = try bigIntToDouble(v)
        return try formatFloat(d, spec, typeName: typeName)
    default:
        throw unknownFormatCode(type, typeName)
    }
    if spec.precision != nil {
        throw .valueError("Precision not allowed in integer format specifier")
    }
    if spec.noNegativeZero {
        throw .valueError("Negative zero coercion (z) not allowed in integer format specifier")
    }
    if type == "c" {
        if spec.sign != nil { throw .valueError("Sign not allowed with integer format specifier 'c'") }
        if spec.alternate { throw .valueError("Alternate form (#) not allowed with integer format specifier 'c'") }
        guard let code = Int(exactly: v) else {
            throw .overflowError("Python int too large to convert to C long")
        }
        guard code >= 0, code <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(code)) else {
            if code >= 0 && code <= 0x10FFFF {
                // A lone surrogate: Swift strings cannot hold one.
                throw .valueError("%c arg is a surrogate code point (U+\(String(code, radix: 16, uppercase: true))), which this engine cannot represent")
            }
            throw .overflowError("%c arg not in range(0x110000)")
        }
        let layout = NumberLayout(isNegative: false, prefix: "", digits: "", hasDecimalPoint: false,
                                  remainder: String(Character(scalar)))
        return layout.render(spec, groupSize: nil)
    }
    let radix: Int
    var prefix = ""
    switch type {
    case "b": radix = 2; prefix = "0b"
    case "o": radix = 8; prefix = "0o"
    case "x": radix = 16; prefix = "0x"
    case "X": radix = 16; prefix = "0X"
    default: radix = 10
    }
    if !spec.alternate { prefix = "" }
    let digits = String(v.magnitude, radix: radix, uppercase: type == "X")
    if radix == 10 { try checkIntStringDigits(digitCount: digits.count) }
    let layout = NumberLayout(isNegative: v.signum() < 0, prefix: prefix, digits: digits,
                              hasDecimalPoint: false, remainder: "")
    // 'n' uses the current (C) locale: no grouping at all.
    return layout.render(spec, groupSize: type == "n" ? nil : groupSize)
}

/// One-call form: parses `spec` and formats. An empty spec is `str(v)`.
func formatInteger(_ v: BigInt, spec: String, typeName: String = "int") throws(SupportError) -> String {
    try formatInteger(v, FormatSpec(parsing: spec, typeName: typeName), typeName: typeName)
}

/// CPython's `unknown_presentation_type` message.
func unknownFormatCode(_ type: Character, _ typeName: String) -> SupportError {
    if let a = type.asciiValue, a > 32, a < 128 {
        return .valueError("Unknown format code '\(type)' for object of type '\(typeName)'")
    }
    let v = type.unicodeScalars.first?.value ?? 0
    return .valueError("Unknown format code '\\x\(String(v, radix: 16))' for object of type '\(typeName)'")
}
