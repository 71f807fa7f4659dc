// API:
//   let pythonIntMaxStrDigits = 4300
//   func parsePythonInt(_ s: String, base: Int) throws(SupportError) -> BigInt   // int(s, base)
//   func pythonIntToString(_ v: BigInt) throws(SupportError) -> String           // str(int), 4300-digit limit
//   func checkIntStringDigits(digitCount: Int) throws(SupportError)               // the int->str limit check
//   func parsePythonFloat(_ s: String) -> Double?                                 // float(s) or nil
//   func pythonFloatFromString(_ s: String) throws(SupportError) -> Double        // float(s) with CPython's error

import BigInt

/// CPython's default `sys.get_int_max_str_digits()`.
let pythonIntMaxStrDigits = 4300

// MARK: int(str, base)

/// `int(s, base)` with CPython's rules: surrounding (Unicode) whitespace, a sign, base 0 reading
/// `0x`/`0o`/`0b` prefixes (and refusing `010`), an optional matching prefix for bases 16/8/2,
/// single underscores between digits (and after a prefix), any Unicode decimal digit, and the
/// 4300-digit limit for bases that are not powers of two.
func parsePythonInt(_ s: String, base: Int) throws(SupportError) -> BigInt {
    if base != 0 && (base < 2 || base > 36) {
        throw .valueError("int() base must be >= 2 and <= 36, or 0")
    }
    let text = asciiDigitsAndSpaces(s)
    var i = 0
    let n = text.count
    func invalid(_ shownBase: Int) -> SupportError {
        var shown = pythonStringRepr(s)
        if shown.unicodeScalars.count > 200 {
            shown = String(String.UnicodeScalarView(shown.unicodeScalars.prefix(200)))
        }
        return .valueError("invalid literal for int() with base \(shownBase): \(shown)")
    }
    while i < n && text[i] == 32 { i += 1 }
    var negative = false
    if i < n && (text[i] == 43 || text[i] == 45) { negative = text[i] == 45; i += 1 }
    var base = base
    let givenBase = base
    var errorIfNonzero = false
    func lower(_ k: Int) -> UInt32 { k < n ? (text[k] | 0x20) : 0 }
    if base == 0 {
        if i >= n || text[i] != 48 { base = 10 }
        else if lower(i + 1) == 120 { base = 16 }      // x
        else if lower(i + 1) == 111 { base = 8 }       // o
        else if lower(i + 1) == 98 { base = 2 }        // b
        else { errorIfNonzero = true; base = 10 }
    }
    if i < n && text[i] == 48 &&
        ((base == 16 && lower(i + 1) == 120) || (base == 8 && lower(i + 1) == 111) || (base == 2 && lower(i + 1) == 98)) {
        i += 2
        if i < n && text[i] == 95 { i += 1 }
    }
    if i < n && text[i] == 95 { throw invalid(givenBase) }
    // Digits with single underscores between them.
    var digitValues: [UInt8] = []
    var previousUnderscore = false
    while i < n {
        let c = text[i]
        if c == 95 {
            if previousUnderscore { throw invalid(givenBase) }
            previousUnderscore = true
            i += 1
            continue
        }
        guard let v = digitValue(c), v < base else { break }
        digitValues.append(UInt8(v))
        previousUnderscore = false
        i += 1
    }
    if previousUnderscore || digitValues.isEmpty { throw invalid(givenBase) }
    if base & (base - 1) != 0 && digitValues.count > pythonIntMaxStrDigits {
        throw .valueError("Exceeds the limit (\(pythonIntMaxStrDigits) digits) for integer string conversion: value has \(digitValues.count) digits; use sys.set_int_max_str_digits() to increase the limit")
    }
    while i < n && text[i] == 32 { i += 1 }
    if i != n { throw invalid(givenBase) }
    let value = bigIntFromDigits(digitValues, base: base)
    if errorIfNonzero && !value.isZero { throw invalid(0) }
    return negative ? -value : value
}

/// Builds the value in chunks so long strings stay fast (no digit-by-digit BigInt multiply).
private func bigIntFromDigits(_ digits: [UInt8], base: Int) -> BigInt {
    // Largest k with base^k < 2^62.
    var chunk = 1
    var chunkPower = base
    while chunkPower <= (Int.max / 4) / base { chunkPower *= base; chunk += 1 }
    var result = BigInt(0)
    var index = 0
    while index < digits.count {
        let end = Swift.min(index + chunk, digits.count)
        var part = 0
        var scale = 1
        for d in digits[index..<end] { part = part * base + Int(d); scale *= base }
        result = result * BigInt(scale) + BigInt(part)
        index = end
    }
    return result
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode whitespace becomes a space,
/// any Unicode decimal digit its ASCII digit, other non-ASCII characters a '?'.
private func asciiDigitsAndSpaces(_ s: String) -> [UInt32] {
    s.unicodeScalars.map { c -> UInt32 in
        if c.value < 128 {
            return isPythonWhitespace(c) ? 32 : c.value
        }
        if isPythonWhitespace(c) { return 32 }
        if c.properties.numericType == .decimal, let v = c.properties.numericValue {
            return 48 + UInt32(v)
        }
        return 63
    }
}

private func digitValue(_ c: UInt32) -> Int? {
    switch c {
    case 48...57: return Int(c - 48)
    case 97...122: return Int(c - 97 + 10)
    case 65...90: return Int(c - 65 + 10)
    default: return nil
    }
}

// MARK: str(int)

/// Raises CPython's ValueError when a decimal string of `digitCount` digits is over the limit.
func checkIntStringDigits(digitCount: Int) throws(SupportError) {
    if digitCount > pythonIntMaxStrDigits {
        throw .valueError("Exceeds the limit (\(pythonIntMaxStrDigits) digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
    }
}

/// `str(v)` / `repr(v)` for an int, refusing more than 4300 decimal digits as CPython does.
func pythonIntToString(_ v: BigInt) throws(SupportError) -> String {
    // More than 14286 bits always means more than 4300 digits: refuse without converting.
    if v.magnitude.bitWidth > 14_287 { try checkIntStringDigits(digitCount: pythonIntMaxStrDigits + 1) }
    let text = String(v)
    try checkIntStringDigits(digitCount: v.signum() < 0 ? text.count - 1 : text.count)
    return text
}

// MARK: float(str)

/// `float(s)`, or nil when CPython would raise ValueError: whitespace around, a sign, digits
/// with an optional point and exponent, underscores only between digits, `inf`/`infinity`/
/// `nan` in any case. Hexadecimal and other C forms are refused as Python refuses them.
func parsePythonFloat(_ s: String) -> Double? {
    let scalars = asciiDigitsAndSpaces(s)
    var lo = 0, hi = scalars.count
    while lo < hi && scalars[lo] == 32 { lo += 1 }
    while hi > lo && scalars[hi - 1] == 32 { hi -= 1 }
    let body = Array(scalars[lo..<hi])
    guard !body.isEmpty else { return nil }
    func isDigit(_ c: UInt32) -> Bool { c >= 48 && c <= 57 }
    // Underscores: only between two digits; then dropped.
    var cleaned = ""
    for (k, c) in body.enumerated() {
        if c == 95 {
            guard k > 0, k + 1 < body.count, isDigit(body[k - 1]), isDigit(body[k + 1]) else { return nil }
            continue
        }
        guard let scalar = Unicode.Scalar(c) else { return nil }
        cleaned.unicodeScalars.append(scalar)
    }
    var rest = Substring(cleaned)
    var negative = false
    if let first = rest.first, first == "+" || first == "-" { negative = first == "-"; rest = rest.dropFirst() }
    switch rest.lowercased() {
    case "inf", "infinity": return negative ? -.infinity : .infinity
    case "nan": return negative ? -.nan : .nan
    default: break
    }
    // [digits][.digits][(e|E)[sign]digits] with at least one mantissa digit.
    let chars = Array(rest.utf8)
    var k = 0
    var mantissaDigits = 0
    while k < chars.count && isDigit(UInt32(chars[k])) { k += 1; mantissaDigits += 1 }
    if k < chars.count && chars[k] == 46 {
        k += 1
        while k < chars.count && isDigit(UInt32(chars[k])) { k += 1; mantissaDigits += 1 }
    }
    guard mantissaDigits > 0 else { return nil }
    if k < chars.count && (chars[k] == 101 || chars[k] == 69) {
        k += 1
        if k < chars.count && (chars[k] == 43 || chars[k] == 45) { k += 1 }
        var expDigits = 0
        while k < chars.count && isDigit(UInt32(chars[k])) { k += 1; expDigits += 1 }
        guard expDigits > 0 else { return nil }
    }
    guard k == chars.count else { return nil }
    guard let magnitude = Double(String(rest)) else { return nil }
    return negative ? -magnitude : magnitude
}

/// `float(s)` with CPython's error: `could not convert string to float: 'abc'`.
func pythonFloatFromString(_ s: String) throws(SupportError) -> Double {
    guard let d = parsePythonFloat(s) else {
        throw .valueError("could not convert string to float: \(pythonStringRepr(s))")
    }
    return d
}
