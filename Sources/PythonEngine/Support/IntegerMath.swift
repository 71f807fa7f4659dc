// API:
//   func bigIntDivmod(_ a: BigInt, _ b: BigInt) throws(SupportError) -> (BigInt, BigInt)      // divmod(a, b)
//   func bigIntPowMod(_ base: BigInt, _ exponent: BigInt, modulus: BigInt) throws(SupportError) -> BigInt
//       pow(base, exp, mod): negative exponents use the modular inverse (3.8+); the result has
//       the sign of the modulus.

import BigInt

/// `divmod(a, b)` for ints: floor quotient and a remainder with the sign of `b`.
func bigIntDivmod(_ a: BigInt, _ b: BigInt) throws(SupportError) -> (BigInt, BigInt) {
    if b.isZero { throw .zeroDivision("integer division or modulo by zero") }
    let r = floorDivMod(a, b)
    return (r.quotient, r.remainder)
}

/// `pow(base, exponent, modulus)`, as CPython's `long_pow` with a modulus.
func bigIntPowMod(_ base: BigInt, _ exponent: BigInt, modulus: BigInt) throws(SupportError) -> BigInt {
    if modulus.isZero { throw .valueError("pow() 3rd argument cannot be 0") }
    let negativeOutput = modulus.signum() < 0
    let m = modulus.magnitude
    if m == 1 { return 0 }
    // Reduce the base into [0, m).
    var b = floorDivMod(base, BigInt(m)).remainder.magnitude
    var e = exponent.magnitude
    if exponent.signum() < 0 {
        guard let inverse = b.inverse(m) else {
            throw .valueError("base is not invertible for the given modulus")
        }
        b = inverse
        e = exponent.magnitude
    }
    let z = BigInt(b.power(e, modulus: m))
    if negativeOutput && !z.isZero { return z - BigInt(m) }
    return z
}
