// API:
//   func pythonRound(_ x: Double) throws(SupportError) -> BigInt              // round(x)
//   func pythonRound(_ x: Double, ndigits: Int) throws(SupportError) -> Double // round(x, n)
//   func pythonRoundInt(_ v: BigInt, ndigits: Int) -> BigInt                  // round(int, n)
//   func floatFloorDivide(_ a: Double, _ b: Double) throws(SupportError) -> Double   // a // b
//   func floatModulo(_ a: Double, _ b: Double) throws(SupportError) -> Double        // a % b
//   func floatDivmod(_ a: Double, _ b: Double) throws(SupportError) -> (Double, Double)
//   func floatTrueDivide(_ a: Double, _ b: Double) throws(SupportError) -> Double    // a / b
//   func bigIntToDouble(_ v: BigInt) throws(SupportError) -> Double          // float(int), correctly rounded
//   func bigIntTrueDivide(_ a: BigInt, _ b: BigInt) throws(SupportError) -> Double   // int / int
//   func bigIntFloorDivide(_ a: BigInt, _ b: BigInt) throws(SupportError) -> BigInt  // int // int
//   func bigIntModulo(_ a: BigInt, _ b: BigInt) throws(SupportError) -> BigInt       // int % int
//   enum FloatPowResult { case real(Double), complexResult }
//   func floatPow(_ x: Double, _ y: Double) throws(SupportError) -> FloatPowResult   // float ** float
//   func bigIntFrexp(_ v: BigInt) -> (mantissa: Double, exponent: Int)       // |v| = m·2^e, m in [0.5, 1)

import BigInt
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: round()

/// `round(x)` for a float: nearest integer, ties to even (`round(0.5) == 0`, `round(1.5) == 2`).
func pythonRound(_ x: Double) throws(SupportError) -> BigInt {
    if x.isNaN { throw .valueError("cannot convert float NaN to integer") }
    if x.isInfinite { throw .overflowError("cannot convert float infinity to integer") }
    return doubleToBigInt(x.rounded(.toNearestOrEven))
}

/// `round(x, ndigits)` for a float, correctly rounded as CPython's `double_round`: the exact
/// binary value is rounded half-even to `ndigits` decimal places (`round(2.675, 2) == 2.67`
/// because 2.675 is stored as 2.67499999…), then read back as the nearest float.
func pythonRound(_ x: Double, ndigits: Int) throws(SupportError) -> Double {
    // NaNs and infinities round to themselves; beyond NDIGITS_MAX/MIN the result is x itself
    // or a signed zero, as CPython's float.__round__.
    if !x.isFinite || x == 0 { return x }
    if ndigits > 323 { return x }
    if ndigits < -308 { return 0.0 * x }
    let rounded = DecimalDigits.fixed(x, fractionDigits: ndigits)
    let sign = x < 0 ? "-" : ""
    let text: String
    if rounded.digits.isEmpty {
        text = sign + "0"
    } else {
        let mantissa = String(rounded.digits.map { Character(Unicode.Scalar($0 + 48)) })
        text = sign + mantissa + "e" + String(rounded.decimalPoint - rounded.digits.count)
    }
    guard let value = Double(text) else { return x }
    if value.isInfinite { throw .overflowError("rounded value too large to represent") }
    return value
}

/// `round(v, ndigits)` for an int: unchanged for ndigits >= 0, else rounded half-even to a
/// multiple of 10^-ndigits (`round(125, -1) == 120`).
func pythonRoundInt(_ v: BigInt, ndigits: Int) -> BigInt {
    if ndigits >= 0 { return v }
    // |v| < 10^-ndigits / 2 rounds to 0; checking by size avoids computing 10^(10^9).
    if -ndigits > v.magnitude.bitWidth / 3 + 2 { return 0 }
    let unit = BigInt(10).power(-ndigits)
    return roundHalfEven(v, unit) * unit
}

/// `int(x)` for a finite Double (truncation toward zero). Infinities and NaN give 0: callers
/// raise CPython's errors first (or use `pythonRound`, which does).
func doubleToBigInt(_ x: Double) -> BigInt {
    guard x.isFinite else { return 0 }
    let t = x.rounded(.towardZero)
    if Swift.abs(t) < 9.0e15 { return BigInt(Int64(t)) }
    let (num, den) = exactRational(t)
    return num / den
}

// MARK: float // and %

/// `a // b` for floats, with CPython's snapping of the quotient to an integral value.
func floatFloorDivide(_ a: Double, _ b: Double) throws(SupportError) -> Double {
    if b == 0 { throw .zeroDivision("float floor division by zero") }
    return divMod(a, b).quotient
}

/// `a % b` for floats: the result takes the sign of `b` (`-7.5 % 2 == 0.5`).
func floatModulo(_ a: Double, _ b: Double) throws(SupportError) -> Double {
    if b == 0 { throw .zeroDivision("float modulo") }
    var mod = a.truncatingRemainder(dividingBy: b)   // C fmod
    if mod != 0 {
        if (b < 0) != (mod < 0) { mod += b }
    } else {
        mod = Double(signOf: b, magnitudeOf: 0)
    }
    return mod
}

/// `divmod(a, b)` for floats.
func floatDivmod(_ a: Double, _ b: Double) throws(SupportError) -> (Double, Double) {
    if b == 0 { throw .zeroDivision("float divmod()") }
    let r = divMod(a, b)
    return (r.quotient, r.remainder)
}

/// `a / b` for floats.
func floatTrueDivide(_ a: Double, _ b: Double) throws(SupportError) -> Double {
    if b == 0 { throw .zeroDivision("float division by zero") }
    return a / b
}

/// CPython's `_float_div_mod` (Objects/floatobject.c); `b` is non-zero.
private func divMod(_ vx: Double, _ wx: Double) -> (quotient: Double, remainder: Double) {
    var mod = vx.truncatingRemainder(dividingBy: wx)
    var div = (vx - mod) / wx
    if mod != 0 {
        if (wx < 0) != (mod < 0) {
            mod += wx
            div -= 1.0
        }
    } else {
        mod = Double(signOf: wx, magnitudeOf: 0)
    }
    var floordiv: Double
    if div != 0 {
        floordiv = div.rounded(.down)
        if div - floordiv > 0.5 { floordiv += 1.0 }
    } else {
        floordiv = Double(signOf: vx / wx, magnitudeOf: 0)
    }
    return (floordiv, mod)
}

// MARK: int -> float, int / int

/// `float(v)`: the nearest Double, ties to even, as CPython's `PyLong_AsDouble`.
func bigIntToDouble(_ v: BigInt) throws(SupportError) -> Double {
    let magnitude = v.magnitude
    let bits = magnitude.bitWidth
    if bits <= 53 {
        let d = Double(UInt64(magnitude))
        return v.signum() < 0 ? -d : d
    }
    let shift = bits - 53
    let q = roundHalfEven(BigInt(magnitude), BigInt(1) << shift)
    let d = Double(sign: v.signum() < 0 ? .minus : .plus, exponent: shift, significand: Double(UInt64(q)))
    if d.isInfinite { throw .overflowError("int too large to convert to float") }
    return d
}

/// `a / b` for ints: the correctly rounded quotient, even when both are too large for a float
/// (`10**400 / 10**399 == 10.0`), as CPython's `long_true_divide`.
func bigIntTrueDivide(_ a: BigInt, _ b: BigInt) throws(SupportError) -> Double {
    if b.isZero { throw .zeroDivision("division by zero") }
    let negative = (a.signum() < 0) != (b.signum() < 0)
    if a.isZero { return negative ? -0.0 : 0.0 }
    let n = BigInt(a.magnitude), d = BigInt(b.magnitude)
    // E = floor(log2(n/d)).
    var e = n.magnitude.bitWidth - d.magnitude.bitWidth
    let atLeast = e >= 0 ? n >= (d << e) : (n << -e) >= d
    if !atLeast { e -= 1 }
    if e > 1023 { throw .overflowError("integer division result too large for a float") }
    // The unit in the last place of the result: 53 significant bits, or the subnormal limit.
    let s = Swift.max(e - 52, -1074)
    let q = s >= 0 ? roundHalfEven(n, d << s) : roundHalfEven(n << -s, d)
    let result = Double(sign: negative ? .minus : .plus, exponent: s, significand: Double(UInt64(q)))
    if result.isInfinite { throw .overflowError("integer division result too large for a float") }
    return result
}

/// `a // b` for ints (floor division).
func bigIntFloorDivide(_ a: BigInt, _ b: BigInt) throws(SupportError) -> BigInt {
    if b.isZero { throw .zeroDivision("integer division or modulo by zero") }
    return floorDivMod(a, b).quotient
}

/// `a % b` for ints: the result takes the sign of `b`.
func bigIntModulo(_ a: BigInt, _ b: BigInt) throws(SupportError) -> BigInt {
    if b.isZero { throw .zeroDivision("integer modulo by zero") }
    return floorDivMod(a, b).remainder
}

/// Floor division and modulo together (`divmod`); `b` must be non-zero.
func floorDivMod(_ a: BigInt, _ b: BigInt) -> (quotient: BigInt, remainder: BigInt) {
    var (q, r) = a.quotientAndRemainder(dividingBy: b)
    if !r.isZero && (r.signum() < 0) != (b.signum() < 0) {
        q -= 1
        r += b
    }
    return (q, r)
}

/// `frexp` for a big int: |v| ≈ mantissa·2^exponent with mantissa in [0.5, 1), rounded to
/// 53 bits. Used by `math.log` of ints too large for a float.
func bigIntFrexp(_ v: BigInt) -> (mantissa: Double, exponent: Int) {
    let magnitude = BigInt(v.magnitude)
    if magnitude.isZero { return (0, 0) }
    let bits = magnitude.magnitude.bitWidth
    if bits <= 53 {
        let d = Double(UInt64(magnitude.magnitude))
        return (Double(sign: .plus, exponent: -bits, significand: d), bits)
    }
    let shift = bits - 53
    var q = roundHalfEven(magnitude, BigInt(1) << shift)
    var exponent = bits
    if q == BigInt(1) << 53 { q >>= 1; exponent += 1 }
    return (Double(sign: .plus, exponent: -53, significand: Double(UInt64(q))), exponent)
}

// MARK: float ** float

/// The outcome of `x ** y` for floats: a negative base to a fractional power is complex.
enum FloatPowResult: Equatable, Sendable {
    case real(Double)
    /// CPython returns a complex number here; the engine decides whether it supports that.
    case complexResult
}

/// `x ** y` for floats with CPython's special cases (`float_pow`).
func floatPow(_ x: Double, _ y: Double) throws(SupportError) -> FloatPowResult {
    var iv = x
    let iw = y
    if iw == 0 { return .real(1.0) }
    if iv.isNaN { return .real(iv) }
    if iw.isNaN { return .real(iv == 1.0 ? 1.0 : iw) }
    if iw.isInfinite {
        iv = Swift.abs(iv)
        if iv == 1.0 { return .real(1.0) }
        if (iw > 0) == (iv > 1.0) { return .real(Swift.abs(iw)) }
        return .real(0.0)
    }
    let iwIsOdd = isOddInteger(iw)
    if iv.isInfinite {
        if iw > 0 { return .real(iwIsOdd ? iv : Swift.abs(iv)) }
        return .real(iwIsOdd ? Double(signOf: iv, magnitudeOf: 0) : 0.0)
    }
    if iv == 0 {
        if iw < 0 { throw .zeroDivision("0.0 cannot be raised to a negative power") }
        return .real(iwIsOdd ? iv : 0.0)
    }
    var negate = false
    if iv < 0 {
        if iw != iw.rounded(.down) { return .complexResult }
        iv = -iv
        negate = iwIsOdd
    }
    if iv == 1.0 { return .real(negate ? -1.0 : 1.0) }
    var result = pow(iv, iw)
    if result.isInfinite { throw .overflowError("(34, 'Numerical result out of range')") }
    if negate { result = -result }
    return .real(result)
}

/// Whether a finite double is an odd integer (CPython's DOUBLE_IS_ODD_INTEGER).
private func isOddInteger(_ x: Double) -> Bool {
    guard x.isFinite, x == x.rounded(.towardZero) else { return false }
    return Swift.abs(x).truncatingRemainder(dividingBy: 2) == 1
}
