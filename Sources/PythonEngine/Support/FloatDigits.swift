// API:
//   struct DecimalDigits: Equatable, Sendable
//     var digits: [UInt8]        // decimal digits 0...9, no leading zeros, no trailing zeros
//     var decimalPoint: Int      // value = 0.d1d2d3... × 10^decimalPoint (dtoa's `decpt`)
//     static func shortest(_ magnitude: Double) -> DecimalDigits                       // dtoa mode 0
//     static func significant(_ magnitude: Double, count: Int) -> DecimalDigits          // dtoa mode 2
//     static func fixed(_ magnitude: Double, fractionDigits: Int) -> DecimalDigits       // dtoa mode 3
//   func exactRational(_ value: Double) -> (numerator: BigInt, denominator: BigInt)   // lowest terms, finite only
//   func pythonAsIntegerRatio(_ value: Double) throws(SupportError) -> (numerator: BigInt, denominator: BigInt)
//   func roundHalfEven(_ numerator: BigInt, _ denominator: BigInt) -> BigInt

import BigInt

/// The decimal digits of a finite, non-negative Double, in the shape CPython's `_Py_dg_dtoa`
/// returns them: a digit string without leading or trailing zeros plus the position of the
/// decimal point. `float_repr`, `format()` and `%`-formatting all lay out these digits.
///
/// Why BigInt rather than `printf`: CPython rounds the *exact* binary value half-to-even
/// (`f'{2.675:.2f}'` is `2.67` because 2.675 is really 2.67499999…, `f'{0.125:.2f}'` is `0.12`),
/// and prints every digit of `1e22` or `1e300` exactly. Working on the exact rational m·2^e with
/// big integers makes that true by construction and independent of the platform's libc.
struct DecimalDigits: Equatable, Sendable {
    /// Decimal digits (values 0...9). Empty means "rounded to zero" (mode 3 only).
    var digits: [UInt8]
    /// The value is 0.d1d2d3… × 10^decimalPoint.
    var decimalPoint: Int

    /// Shortest digits that round-trip (CPython `repr`, dtoa mode 0).
    ///
    /// Swift's `description` already produces the shortest round-tripping digits, choosing the
    /// closest when several are equally short, which is the same contract as dtoa mode 0;
    /// only the layout differs, so we re-read its digits.
    static func shortest(_ magnitude: Double) -> DecimalDigits {
        let x = Swift.abs(magnitude)
        if x == 0 { return DecimalDigits(digits: [0], decimalPoint: 1) }
        var mantissa: [UInt8] = []
        var pointSeen = false
        var digitsBeforePoint = 0
        var exponent = 0
        var chars = Substring(x.description)
        if let eIndex = chars.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(chars[chars.index(after: eIndex)...]) ?? 0
            chars = chars[..<eIndex]
        }
        for c in chars {
            if c == "." { pointSeen = true; continue }
            guard let v = c.wholeNumberValue else { continue }
            mantissa.append(UInt8(v))
            if !pointSeen { digitsBeforePoint += 1 }
        }
        var point = digitsBeforePoint + exponent
        // Drop leading zeros ("0.001" -> "1", point moves left).
        var lead = 0
        while lead < mantissa.count - 1 && mantissa[lead] == 0 { lead += 1; point -= 1 }
        mantissa.removeFirst(lead)
        while mantissa.count > 1 && mantissa.last == 0 { mantissa.removeLast() }
        return DecimalDigits(digits: mantissa, decimalPoint: point)
    }

    /// The value correctly rounded (half-even on the exact value) to `count` significant digits,
    /// trailing zeros removed (dtoa mode 2). Zero gives `[0]`, point 1.
    static func significant(_ magnitude: Double, count: Int) -> DecimalDigits {
        let x = Swift.abs(magnitude)
        // A double has at most 767 significant decimal digits, so beyond 800 nothing rounds:
        // capping keeps '.100000000e' from computing 10^100000000.
        let n = Swift.min(Swift.max(count, 1), 800)
        if x == 0 { return DecimalDigits(digits: [0], decimalPoint: 1) }
        let (num, den) = exactRational(x)
        let k = decimalExponent(num, den)   // 10^k <= x < 10^(k+1)
        let shift = n - 1 - k
        var q = scaledRounded(num, den, powerOfTen: shift)
        var point = k + 1
        if q == BigInt(10).power(n) {        // 9.99…5 rounded up to 10.0…
            q /= 10
            point += 1
        }
        return DecimalDigits(digits: stripped(digitsOf(q)), decimalPoint: point)
    }

    /// The value correctly rounded to `fractionDigits` digits after the point (dtoa mode 3).
    /// A result that rounds to zero has no digits and point `-fractionDigits`, as dtoa's.
    static func fixed(_ magnitude: Double, fractionDigits: Int) -> DecimalDigits {
        let x = Swift.abs(magnitude)
        if x == 0 { return DecimalDigits(digits: [0], decimalPoint: 1) }
        let (num, den) = exactRational(x)
        // Every double is a multiple of 2^-1074, so 1100 fraction digits are already exact.
        let places = Swift.min(fractionDigits, 1100)
        let q = scaledRounded(num, den, powerOfTen: places)
        if q.isZero { return DecimalDigits(digits: [], decimalPoint: -fractionDigits) }
        let all = digitsOf(q)
        return DecimalDigits(digits: stripped(all), decimalPoint: all.count - places)
    }

    private static func digitsOf(_ q: BigInt) -> [UInt8] {
        q.magnitude.description.utf8.map { $0 - 48 }
    }

    private static func stripped(_ d: [UInt8]) -> [UInt8] {
        var d = d
        while d.count > 1 && d.last == 0 { d.removeLast() }
        return d
    }

    /// round_half_even(num/den × 10^p).
    private static func scaledRounded(_ num: BigInt, _ den: BigInt, powerOfTen p: Int) -> BigInt {
        if p >= 0 {
            return roundHalfEven(num * BigInt(10).power(p), den)
        }
        return roundHalfEven(num, den * BigInt(10).power(-p))
    }

    /// floor(log10(num/den)) for a positive rational, exact.
    private static func decimalExponent(_ num: BigInt, _ den: BigInt) -> Int {
        // Estimate from bit lengths, then correct by comparing with exact powers of ten.
        let bits = num.bitWidth - den.bitWidth
        var k = Int((Double(bits) * 0.30102999566398120).rounded(.down))
        func atLeast(_ e: Int) -> Bool {   // num/den >= 10^e ?
            e >= 0 ? num >= den * BigInt(10).power(e) : num * BigInt(10).power(-e) >= den
        }
        while !atLeast(k) { k -= 1 }
        while atLeast(k + 1) { k += 1 }
        return k
    }
}

/// The exact value of a finite Double as a fraction in lowest terms (the denominator a power
/// of two): `float.as_integer_ratio()` for finite values (0.5 -> (1, 2), -0.0 -> (0, 1)).
/// Infinities and NaN have no ratio: they give (0, 1) here, so callers must reject them first
/// (`pythonAsIntegerRatio` does, with CPython's errors).
func exactRational(_ value: Double) -> (numerator: BigInt, denominator: BigInt) {
    guard value.isFinite else { return (0, 1) }
    let x = Swift.abs(value)
    if x == 0 { return (0, 1) }
    var significand = x.significandBitPattern | (x.isNormal ? UInt64(1) << 52 : 0)
    // For subnormals the exponent is fixed at the minimum; for normals it is the unbiased one.
    var exponent = (x.isNormal ? Int(x.exponent) : -1022) - 52
    // Lowest terms: move factors of two from the significand into the exponent.
    let shift = Swift.min(significand.trailingZeroBitCount, Swift.max(-exponent, 0))
    significand >>= UInt64(shift)
    exponent += shift
    var num = BigInt(significand)
    if value < 0 { num = -num }
    if exponent >= 0 { return (num << exponent, 1) }
    return (num, BigInt(1) << (-exponent))
}

/// `float.as_integer_ratio()`: lowest terms, with CPython's errors for inf and nan.
func pythonAsIntegerRatio(_ value: Double) throws(SupportError) -> (numerator: BigInt, denominator: BigInt) {
    if value.isNaN { throw .valueError("cannot convert NaN to integer ratio") }
    if value.isInfinite { throw .overflowError("cannot convert Infinity to integer ratio") }
    return exactRational(value)
}

/// num/den rounded to the nearest integer, ties to even. `den` must be positive.
func roundHalfEven(_ num: BigInt, _ den: BigInt) -> BigInt {
    var (q, r) = num.quotientAndRemainder(dividingBy: den)
    // Make the remainder non-negative so q is the floor.
    if r.signum() < 0 { q -= 1; r += den }
    let twice = r * 2
    if twice > den || (twice == den && !q.isMultiple(of: 2)) { q += 1 }
    return q
}
