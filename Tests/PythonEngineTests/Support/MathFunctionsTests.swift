import BigInt
import Testing
@testable import PythonEngine

/// The math-module helpers against CPython 3.11; each expectation's python3 source is beside it.
@Suite struct MathFunctionsTests {
    // python3 -c "import math; print(math.fsum([0.1]*10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]),
    //   math.fsum([1e-16, 1, 1e16]), math.fsum([]), repr(math.fsum([-0.0])), math.fsum([float('inf'), 1]))"
    @Test func fsum() throws {
        #expect(try mathFsum(Array(repeating: 0.1, count: 10)) == 1.0)
        #expect(try mathFsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]) == 1e-100)
        #expect(try mathFsum([1e-16, 1, 1e16]) == 1.0000000000000002e+16)
        #expect(try mathFsum([]) == 0.0)
        #expect(try mathFsum([-0.0]).sign == .plus)
        #expect(try mathFsum([.infinity, 1]) == .infinity)
        #expect(try mathFsum([.nan]).isNaN)
        #expect(throws: SupportError.valueError("-inf + inf in fsum")) { try mathFsum([.infinity, -.infinity]) }
        #expect(throws: SupportError.overflowError("intermediate overflow in fsum")) { try mathFsum([1e308, 1e308]) }
        #expect(throws: SupportError.overflowError("intermediate overflow in fsum")) { try mathFsum([1e308, 1e308, -1e308]) }
    }

    // python3 -c "import math; print(math.gcd(), math.gcd(-12, 18, 0), math.lcm(), math.lcm(4, -6, 10), math.lcm(4, 0),
    //   math.comb(10, 3), math.comb(3, 10), math.perm(5), math.perm(5, 2), math.perm(2, 5), math.isqrt(10**40 + 1), math.factorial(25))"
    @Test func integerFunctions() throws {
        #expect(mathGcd([]) == 0)
        #expect(mathGcd([-12, 18, 0]) == 6)
        #expect(mathLcm([]) == 1)
        #expect(mathLcm([4, -6, 10]) == 60)
        #expect(mathLcm([4, 0]) == 0)
        #expect(try mathComb(10, 3) == 120)
        #expect(try mathComb(3, 10) == 0)
        #expect(try mathPerm(5, nil) == 120)
        #expect(try mathPerm(5, 2) == 20)
        #expect(try mathPerm(2, 5) == 0)
        #expect(try mathIsqrt(BigInt(10).power(40) + 1) == BigInt(10).power(20))
        #expect(try mathFactorial(25) == BigInt("15511210043330985984000000"))
        #expect(try mathFactorial(0) == 1)
        // python3 -c "import math; print(math.comb(100, 50), str(math.factorial(1000))[:20], len(str(math.factorial(1000))))"
        #expect(try mathComb(100, 50) == BigInt("100891344545564193334812497256"))
        let f1000 = String(try mathFactorial(1000))
        #expect(f1000.hasPrefix("40238726007709377354") && f1000.count == 2568)
    }

    // Messages from python3 -c "import math; math.factorial(-1)" and so on.
    @Test func integerErrors() {
        #expect(throws: SupportError.valueError("factorial() not defined for negative values")) { try mathFactorial(-1) }
        #expect(throws: SupportError.valueError("n must be a non-negative integer")) { try mathComb(-1, 2) }
        #expect(throws: SupportError.valueError("k must be a non-negative integer")) { try mathComb(2, -1) }
        #expect(throws: SupportError.valueError("factorial() not defined for negative values")) { try mathPerm(-1, nil) }
        #expect(throws: SupportError.valueError("k must be a non-negative integer")) { try mathPerm(3, -1) }
        #expect(throws: SupportError.valueError("isqrt() argument must be nonnegative")) { try mathIsqrt(-1) }
    }

    // python3 -c "import math; print(math.log(10**400), math.log(10**400, 10), math.log2(2**2000), math.log10(10**500),
    //   math.log(8, 2), math.log(float('inf')), math.log(2**1023 * 3))"
    @Test func logarithms() throws {
        #expect(try mathLog(.int(BigInt(10).power(400))) == 921.0340371976182)
        #expect(try mathLog(.int(BigInt(10).power(400)), base: .int(10)) == 399.99999999999994)
        #expect(try mathLog2(.int(BigInt(2).power(2000))) == 2000.0)
        #expect(try mathLog10(.int(BigInt(10).power(500))) == 500.0)
        #expect(try mathLog(.int(8), base: .int(2)) == 3.0)
        #expect(try mathLog(.float(.infinity)) == .infinity)
        #expect(try mathLog(.int(BigInt(2).power(1023) * 3)) == 710.1881780014921)
        #expect(throws: SupportError.valueError("math domain error")) { try mathLog(.int(0)) }
        #expect(throws: SupportError.valueError("math domain error")) { try mathLog(.float(-1)) }
        #expect(throws: SupportError.valueError("math domain error")) { try mathLog(.float(0)) }
        #expect(throws: SupportError.valueError("math domain error")) { try mathLog(.int(-BigInt(10).power(400))) }
        #expect(throws: SupportError.zeroDivision("float division by zero")) { try mathLog(.int(10), base: .int(1)) }
    }
}

/// Three-argument pow and divmod for ints.
@Suite struct IntegerMathTests {
    // python3 -c "for a in [(3,-1,7),(2,10,1000),(-2,3,7),(2,3,-7),(-2,3,-7),(0,0,5),(5,0,1),(2,-1,1),
    //   (10**30,10**20,97),(4,-2,9),(-3,-1,7),(7,-1,-5)]: print(a, pow(*a))"
    @Test func powWithModulus() throws {
        let cases: [(BigInt, BigInt, BigInt, BigInt)] = [
            (3, -1, 7, 5), (2, 10, 1000, 24), (-2, 3, 7, 6), (2, 3, -7, -6), (-2, 3, -7, -1), (0, 0, 5, 1),
            (5, 0, 1, 0), (2, -1, 1, 0), (BigInt(10).power(30), BigInt(10).power(20), 97, 1), (4, -2, 9, 4),
            (-3, -1, 7, 2), (7, -1, -5, -2),
        ]
        for (base, exponent, modulus, expected) in cases {
            #expect(try bigIntPowMod(base, exponent, modulus: modulus) == expected, "pow(\(base), \(exponent), \(modulus))")
        }
        // python3 -c "pow(2, -1, 4)"; python3 -c "pow(3, 2, 0)"; python3 -c "pow(0, -1, 5)"
        #expect(throws: SupportError.valueError("base is not invertible for the given modulus")) { try bigIntPowMod(2, -1, modulus: 4) }
        #expect(throws: SupportError.valueError("base is not invertible for the given modulus")) { try bigIntPowMod(0, -1, modulus: 5) }
        #expect(throws: SupportError.valueError("pow() 3rd argument cannot be 0")) { try bigIntPowMod(3, 2, modulus: 0) }
    }

    // python3 -c "print(divmod(-7, 2), divmod(7, -2), divmod(-7, -2))"
    @Test func divmod() throws {
        #expect(try bigIntDivmod(-7, 2) == (-4, 1))
        #expect(try bigIntDivmod(7, -2) == (-4, -1))
        #expect(try bigIntDivmod(-7, -2) == (3, -1))
        #expect(throws: SupportError.zeroDivision("integer division or modulo by zero")) { try bigIntDivmod(1, 0) }
    }
}
