// API:
//   struct MersenneTwister: Sendable
//     init()                                   // unseeded state = init_genrand(5489), as MT19937
//     mutating func seed(key: [UInt32])        // init_by_array (what CPython's seed() calls)
//     mutating func nextUInt32() -> UInt32     // genrand_uint32
//     mutating func nextDouble() -> Double     // genrand_res53: random() in [0, 1)

/// MT19937, the generator behind CPython's `random` module (Modules/_randommodule.c), so a
/// seeded program draws exactly the numbers CPython draws. A value type: copying it copies
/// the state (that is `getstate()`/`setstate()` for free).
struct MersenneTwister: Sendable, Equatable {
    private static let n = 624
    private static let m = 397
    private static let matrixA: UInt32 = 0x9908_B0DF
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7FFF_FFFF

    private var state = [UInt32](repeating: 0, count: 624)
    private var index = 625

    init() {
        initGenrand(5489)
    }

    /// CPython's `getstate()` words: the 624 state words, then the position in them.
    var stateWords: [UInt32] { state + [UInt32(index)] }

    /// `setstate()`: false (state unchanged) when the words are not a state `stateWords` made.
    mutating func restore(_ words: [UInt32]) -> Bool {
        guard words.count == Self.n + 1, let position = words.last, position <= UInt32(Self.n) else { return false }
        state = Array(words.prefix(Self.n))
        index = Int(position)
        return true
    }

    /// `init_genrand(s)`.
    private mutating func initGenrand(_ s: UInt32) {
        state[0] = s
        for i in 1..<Self.n {
            let prev = state[i - 1]
            state[i] = 1_812_433_253 &* (prev ^ (prev >> 30)) &+ UInt32(i)
        }
        index = Self.n
    }

    /// `init_by_array(key)`: how CPython seeds from the 32-bit words of an integer.
    mutating func seed(key: [UInt32]) {
        let key = key.isEmpty ? [0] : key
        initGenrand(19_650_218)
        var i = 1, j = 0
        var k = Swift.max(Self.n, key.count)
        while k > 0 {
            let prev = state[i - 1]
            state[i] = (state[i] ^ ((prev ^ (prev >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(truncatingIfNeeded: j)
            i += 1; j += 1
            if i >= Self.n { state[0] = state[Self.n - 1]; i = 1 }
            if j >= key.count { j = 0 }
            k -= 1
        }
        k = Self.n - 1
        while k > 0 {
            let prev = state[i - 1]
            state[i] = (state[i] ^ ((prev ^ (prev >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= Self.n { state[0] = state[Self.n - 1]; i = 1 }
            k -= 1
        }
        state[0] = 0x8000_0000   // MSB is 1, assuring a non-zero initial array
        index = Self.n
    }

    /// `genrand_uint32`: the next 32 random bits.
    mutating func nextUInt32() -> UInt32 {
        if index >= Self.n { twist() }
        var y = state[index]
        index += 1
        y ^= (y >> 11)
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= (y >> 18)
        return y
    }

    /// `random()`: 53 random bits as a float in [0, 1), CPython's `genrand_res53`.
    mutating func nextDouble() -> Double {
        let a = nextUInt32() >> 5, b = nextUInt32() >> 6
        return (Double(a) * 67_108_864.0 + Double(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    private mutating func twist() {
        let n = Self.n, m = Self.m
        for kk in 0..<n {
            let y = (state[kk] & Self.upperMask) | (state[(kk + 1) % n] & Self.lowerMask)
            state[kk] = state[(kk + m) % n] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : Self.matrixA)
        }
        index = 0
    }
}
