// API (the `math` module's integer and summation helpers, CPython 3.11 semantics):
//   func mathIsqrt(_ n: BigInt) throws(SupportError) -> BigInt
//   func mathGcd(_ values: [BigInt]) -> BigInt                 // gcd() == 0, result >= 0
//   func mathLcm(_ values: [BigInt]) -> BigInt                 // lcm() == 1
//   func mathFactorial(_ n: BigInt) throws(SupportError) -> BigInt
//   func mathComb(_ n: BigInt, _ k: BigInt) throws(SupportError) -> BigInt
//   func mathPerm(_ n: BigInt, _ k: BigInt?) throws(SupportError) -> BigInt
//   func mathFsum(_ values: [Double]) throws(SupportError) -> Double   // exact, CPython's msum
//   enum MathOperand { case int(BigInt), float(Double) }
//   func mathLog(_ x: MathOperand, base: MathOperand? = nil) throws(SupportError) -> Double
//   func mathLog2(_ x: MathOperand) throws(SupportError) -> Double
//   func mathLog10(_ x: MathOperand) throws(SupportError) -> Double

import BigInt
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `math.isqrt(n)`: floor of the exact square root.
func mathIsqrt(_ n: BigInt) throws(SupportError) -> BigInt {
    if n.signum() < 0 { throw .valueError("isqrt() argument must be nonnegative") }
    return BigInt(n.magnitude.squareRoot())
}

/// `math.gcd(*integers)`.
func mathGcd(_ values: [BigInt]) -> BigInt {
    var g = BigUInt(0)
    for v in values { g = g.greatestCommonDivisor(with: v.magnitude) }
    return BigInt(g)
}

/// `math.lcm(*integers)`: 0 if any argument is 0.
func mathLcm(_ values: [BigInt]) -> BigInt {
    var l = BigUInt(1)
    for v in values {
        let m = v.magnitude
        if m.isZero { return 0 }
        l = l / l.greatestCommonDivisor(with: m) * m
    }
    return BigInt(l)
}

/// `math.factorial(n)`, by a balanced product tree so large n stays fast.
func mathFactorial(_ n: BigInt) throws(SupportError) -> BigInt {
    if n.signum() < 0 { throw .valueError("factorial() not defined for negative values") }
    guard let count = Int(exactly: n) else {
        throw .overflowError("factorial() argument should not exceed \(Int.max)")
    }
    try checkWorkLimit(count, "factorial()")
    return rangeProduct(1, count)
}

/// CPython would grind through these for minutes; the grader refuses clearly instead.
private let mathWorkLimit = 1_000_000

private func checkWorkLimit(_ steps: Int, _ function: String) throws(SupportError) {
    if steps > mathWorkLimit {
        throw .overflowError("\(function) argument too large for this engine (limit \(mathWorkLimit))")
    }
}

/// Product of the integers in lo...hi (1 when empty).
private func rangeProduct(_ lo: Int, _ hi: Int) -> BigInt {
    if lo > hi { return 1 }
    if hi - lo < 16 {
        var p = BigInt(1)
        var small: UInt64 = 1
        for v in lo...hi {
            let (m, overflow) = small.multipliedReportingOverflow(by: UInt64(v))
            if overflow { p *= BigInt(small); small = UInt64(v) } else { small = m }
        }
        return p * BigInt(small)
    }
    let mid = lo + (hi - lo) / 2
    return rangeProduct(lo, mid) * rangeProduct(mid + 1, hi)
}

/// `math.comb(n, k)`: 0 when k > n.
func mathComb(_ n: BigInt, _ k: BigInt) throws(SupportError) -> BigInt {
    if n.signum() < 0 { throw .valueError("n must be a non-negative integer") }
    if k.signum() < 0 { throw .valueError("k must be a non-negative integer") }
    if k > n { return 0 }
    let kk = Swift.min(k, n - k)
    guard let steps = Int(exactly: kk) else {
        throw .overflowError("min(n - k, k) must not exceed \(Int.max)")
    }
    try checkWorkLimit(steps, "comb()")
    var result = BigInt(1)
    for i in 0..<steps {
        result = result * (n - BigInt(i)) / BigInt(i + 1)
    }
    return result
}

/// `math.perm(n, k)`; `perm(n)` (k nil) is `factorial(n)`.
func mathPerm(_ n: BigInt, _ k: BigInt?) throws(SupportError) -> BigInt {
    guard let k else { return try mathFactorial(n) }
    if n.signum() < 0 { throw .valueError("n must be a non-negative integer") }
    if k.signum() < 0 { throw .valueError("k must be a non-negative integer") }
    if k > n { return 0 }
    guard let steps = Int(exactly: k) else {
        throw .overflowError("k must not exceed \(Int.max)")
    }
    try checkWorkLimit(steps, "perm()")
    var result = BigInt(1)
    for i in 0..<steps { result *= n - BigInt(i) }
    return result
}

/// `math.fsum(values)`: the correctly rounded sum, by CPython's `math_fsum` (Shewchuk's
/// partials plus its half-even fix-up), with its errors for inf/nan/overflow.
func mathFsum(_ values: [Double]) throws(SupportError) -> Double {
    var partials: [Double] = []
    var specialSum = 0.0
    var infSum = 0.0
    for item in values {
        var x = item
        let xsave = x
        var i = 0
        for j in 0..<partials.count {
            var y = partials[j]
            if Swift.abs(x) < Swift.abs(y) { swap(&x, &y) }
            let hi = x + y
            let yr = hi - x
            let lo = y - yr
            if lo != 0 { partials[i] = lo; i += 1 }
            x = hi
        }
        partials.removeLast(partials.count - i)
        if x != 0 {
            if !x.isFinite {
                // An inf/nan either came in, or an intermediate sum overflowed.
                if xsave.isFinite { throw .overflowError("intermediate overflow in fsum") }
                if xsave.isInfinite { infSum += xsave }
                specialSum += xsave
                partials.removeAll()
            } else {
                partials.append(x)
            }
        }
    }
    if specialSum != 0 {
        if infSum.isNaN { throw .valueError("-inf + inf in fsum") }
        return specialSum
    }
    var hi = 0.0
    var n = partials.count
    if n > 0 {
        n -= 1
        hi = partials[n]
        var lo = 0.0
        // Sum exactly from the top; stop when the sum becomes inexact.
        while n > 0 {
            let x = hi
            n -= 1
            let y = partials[n]
            hi = x + y
            let yr = hi - x
            lo = y - yr
            if lo != 0 { break }
        }
        // Half-even rounding across several partials (sum([1e-16, 1, 1e16]) rounds up).
        if n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0)) {
            let y = lo * 2
            let x = hi + y
            let yr = x - hi
            if y == yr { hi = x }
        }
    }
    return hi
}

/// A `math` argument: ints keep full precision so the logs of huge ints work.
enum MathOperand: Sendable, Equatable {
    case int(BigInt)
    case float(Double)
}

/// `math.log(x)` or `math.log(x, base)`.
func mathLog(_ x: MathOperand, base: MathOperand? = nil) throws(SupportError) -> Double {
    let num = try logHelper(x, log)
    guard let base else { return num }
    let den = try logHelper(base, log)
    if den == 0 { throw .zeroDivision("float division by zero") }
    return num / den
}

/// `math.log2(x)`.
func mathLog2(_ x: MathOperand) throws(SupportError) -> Double { try logHelper(x, log2) }

/// `math.log10(x)`.
func mathLog10(_ x: MathOperand) throws(SupportError) -> Double { try logHelper(x, log10) }

/// CPython's `loghelper`: an int too large for a float is split as m·2^e first.
private func logHelper(_ x: MathOperand, _ f: (Double) -> Double) throws(SupportError) -> Double {
    switch x {
    case .int(let v):
        if v.signum() <= 0 { throw .valueError("math domain error") }
        if let d = try? bigIntToDouble(v) { return f(d) }
        let (m, e) = bigIntFrexp(v)
        return f(m) + f(2.0) * Double(e)
    case .float(let d):
        // m_log: inf -> inf, nan -> nan, zero or negative -> domain error.
        if d.isNaN || d == .infinity { return d }
        if d <= 0 { throw .valueError("math domain error") }
        return f(d)
    }
}
