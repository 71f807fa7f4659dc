// API:
//   struct PythonRandom: Sendable          // one `random.Random` instance; the module owns one
//     init()                               // seeded from the system, like `import random`
//     init(seed: BigInt)
//     mutating func seed(_ a: BigInt)                     // random.seed(int): all bits of abs(a)
//     mutating func seed(hash: Int)                       // random.seed(x) for float etc.: pass hash(x)
//     mutating func seed(text: String)                    // random.seed(str), version 2 (SHA-512)
//     mutating func seed(bytes: [UInt8])                  // random.seed(bytes), version 2
//     mutating func seedFromSystem()                      // random.seed() / seed(None)
//     mutating func random() -> Double                    // [0, 1)
//     mutating func getrandbits(_ k: Int) throws(SupportError) -> BigInt
//     mutating func randbelow(_ n: BigInt) -> BigInt      // _randbelow_with_getrandbits, n > 0
//     mutating func randrange(_ stop: BigInt) throws(SupportError) -> BigInt
//     mutating func randrange(_ start: BigInt, _ stop: BigInt, step: BigInt = 1) throws(SupportError) -> BigInt
//     mutating func randint(_ a: BigInt, _ b: BigInt) throws(SupportError) -> BigInt
//     mutating func choiceIndex(count: Int) throws(SupportError) -> Int          // choice(seq): seq[index]
//     mutating func choice<T>(_ seq: [T]) throws(SupportError) -> T
//     mutating func shuffle<T>(_ x: inout [T])
//     mutating func sampleIndices(populationSize n: Int, k: Int) throws(SupportError) -> [Int]
//     mutating func sample<T>(_ population: [T], k: Int) throws(SupportError) -> [T]
//     mutating func choicesIndices(count n: Int, k: Int) throws(SupportError) -> [Int]                   // choices(pop, k=k)
//     mutating func choicesIndices(cumulativeWeights: [Double], k: Int) throws(SupportError) -> [Int]
//     mutating func uniform(_ a: Double, _ b: Double) -> Double
//     mutating func triangular(low: Double = 0, high: Double = 1, mode: Double? = nil) -> Double
//     mutating func gauss(mu: Double = 0, sigma: Double = 1) -> Double
//     mutating func normalvariate(mu: Double = 0, sigma: Double = 1) -> Double
//     mutating func expovariate(_ lambd: Double) throws(SupportError) -> Double

import BigInt
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// CPython 3.11's `random.Random`, draw for draw: the same seed gives the same numbers, the
/// same shuffles and samples, and the same errors. The algorithms follow Lib/random.py line by
/// line (comments name the CPython function); only the arithmetic is Swift's.
struct PythonRandom: Sendable {
    private var twister = MersenneTwister()
    /// The second normal deviate `gauss()` computed last time (CPython's `gauss_next`).
    private var gaussNext: Double?

    init() { seedFromSystem() }

    init(seed: BigInt) { self.seed(seed) }

    /// `getstate()` as CPython builds it: (3, the generator's 625 words, gauss_next).
    var state: (words: [UInt32], gaussNext: Double?) { (twister.stateWords, gaussNext) }

    /// `setstate((3, words, gauss_next))`.
    mutating func setState(words: [UInt32], gaussNext: Double?) throws(SupportError) {
        guard twister.restore(words) else { throw .valueError("state vector is the wrong size") }
        self.gaussNext = gaussNext
    }

    // MARK: seeding

    /// `random.seed(a)` for an int: init_by_array over the little-endian 32-bit words of abs(a).
    mutating func seed(_ a: BigInt) {
        var words: [UInt32] = []
        var n = a.magnitude
        while !n.isZero {
            words.append(UInt32(truncatingIfNeeded: n.words.first ?? 0))
            n >>= 32
        }
        twister.seed(key: words.isEmpty ? [0] : words)
        gaussNext = nil
    }

    /// `random.seed(x)` for other hashable objects (floats, tuples…): CPython seeds from
    /// `hash(x)` read as an unsigned machine word.
    mutating func seed(hash: Int) {
        seed(BigInt(UInt64(bitPattern: Int64(hash))))
    }

    /// `random.seed(s)` for a str (version 2): `int.from_bytes(s.encode() + sha512(...).digest())`.
    mutating func seed(text: String) {
        seed(bytes: Array(text.utf8))
    }

    /// `random.seed(b)` for bytes/bytearray (version 2).
    mutating func seed(bytes: [UInt8]) {
        let all = bytes + sha512(bytes)
        var value = BigInt(0)
        for b in all { value = (value << 8) | BigInt(b) }
        seed(value)
    }

    /// `random.seed()` / `seed(None)`: 624 words from the system's entropy source.
    mutating func seedFromSystem() {
        twister.seed(key: Self.systemKey())
        gaussNext = nil
    }

    /// 624 words of system entropy, as CPython's `random_seed_urandom` reads them: in one read
    /// of `/dev/urandom`. (Word by word through `SystemRandomNumberGenerator` it took 624
    /// `getrandom` calls, paid by every interpreter and every forked process, which reseeds.)
    static func systemKey() -> [UInt32] {
        var key = [UInt32](repeating: 0, count: 624)
        let fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            defer { close(fd) }
            let filled = key.withUnsafeMutableBytes { raw -> Bool in
                guard let base = raw.baseAddress else { return false }
                var offset = 0
                while offset < raw.count {
                    let count = read(fd, base + offset, raw.count - offset)
                    if count > 0 {
                        offset += count
                    } else if count == -1 && errno == EINTR {
                        continue
                    } else {
                        return false
                    }
                }
                return true
            }
            if filled { return key }
        }
        var generator = SystemRandomNumberGenerator()
        return (0..<624).map { _ in UInt32.random(in: .min ... .max, using: &generator) }
    }

    // MARK: core draws

    /// `random()`: a float in [0, 1) with 53 random bits.
    mutating func random() -> Double { twister.nextDouble() }

    /// `getrandbits(k)`: a non-negative int of k random bits, filled 32 bits at a time from
    /// the least significant word up, as `_random_Random_getrandbits_impl`.
    mutating func getrandbits(_ k: Int) throws(SupportError) -> BigInt {
        if k < 0 { throw .valueError("number of bits must be non-negative") }
        if k == 0 { return 0 }
        try checkResultLength(k / 64)
        if k <= 32 { return BigInt(twister.nextUInt32() >> UInt32(32 - k)) }
        var remaining = k
        var words: [UInt] = []
        var pending: UInt64 = 0
        var half = false
        while remaining > 0 {
            var r = twister.nextUInt32()
            if remaining < 32 { r >>= UInt32(32 - remaining) }
            // Pack two 32-bit words per 64-bit BigInt word, least significant first.
            if half { pending |= UInt64(r) << 32; words.append(UInt(pending)); half = false }
            else { pending = UInt64(r); half = true }
            remaining -= 32
        }
        if half { words.append(UInt(pending)) }
        return BigInt(BigUInt(words: words))
    }

    /// `_randbelow_with_getrandbits(n)`: uniform in [0, n) by rejection. `n` must be > 0
    /// (CPython loops forever on 0; here 0 and below give 0).
    mutating func randbelow(_ n: BigInt) -> BigInt {
        guard n.signum() > 0 else { return 0 }
        let k = n.magnitude.bitWidth
        while true {
            // k > 0 here, so getrandbits cannot throw.
            let r = (try? getrandbits(k)) ?? 0
            if r < n { return r }
        }
    }

    private mutating func randbelow(_ n: Int) -> Int {
        Int(randbelow(BigInt(n)))
    }

    // MARK: integers

    /// `randrange(stop)`.
    mutating func randrange(_ stop: BigInt) throws(SupportError) -> BigInt {
        if stop.signum() > 0 { return randbelow(stop) }
        throw .valueError("empty range for randrange()")
    }

    /// `randrange(start, stop, step)`, with CPython 3.11's messages.
    mutating func randrange(_ start: BigInt, _ stop: BigInt, step: BigInt = 1) throws(SupportError) -> BigInt {
        let width = stop - start
        if step == 1 {
            if width.signum() > 0 { return start + randbelow(width) }
            throw .valueError("empty range for randrange() (\(start), \(stop), \(width))")
        }
        let n: BigInt
        if step.signum() > 0 {
            n = floorDivMod(width + step - 1, step).quotient
        } else if step.signum() < 0 {
            n = floorDivMod(width + step + 1, step).quotient
        } else {
            throw .valueError("zero step for randrange()")
        }
        if n.signum() <= 0 { throw .valueError("empty range for randrange()") }
        return start + step * randbelow(n)
    }

    /// `randint(a, b)`: `randrange(a, b + 1)`, so its errors name that range.
    mutating func randint(_ a: BigInt, _ b: BigInt) throws(SupportError) -> BigInt {
        try randrange(a, b + 1)
    }

    // MARK: sequences

    /// The index `choice(seq)` picks from a sequence of `count` items.
    mutating func choiceIndex(count: Int) throws(SupportError) -> Int {
        if count <= 0 { throw .indexError("Cannot choose from an empty sequence") }
        return randbelow(count)
    }

    /// `choice(seq)`.
    mutating func choice<T>(_ seq: [T]) throws(SupportError) -> T {
        seq[try choiceIndex(count: seq.count)]
    }

    /// `shuffle(x)`: in place, swapping from the end (Fisher–Yates as CPython orders it).
    mutating func shuffle<T>(_ x: inout [T]) {
        var i = x.count - 1
        while i >= 1 {
            let j = randbelow(i + 1)
            x.swapAt(i, j)
            i -= 1
        }
    }

    /// The population indices `sample(population, k)` selects, in selection order. Works for
    /// ranges too large to materialise. Uses CPython's two strategies: a shrinking pool when
    /// the population is small relative to k, else rejection with a set of chosen indices.
    mutating func sampleIndices(populationSize n: Int, k: Int) throws(SupportError) -> [Int] {
        guard k >= 0 && k <= n else { throw .valueError("Sample larger than population or is negative") }
        try checkResultLength(k)
        var result = [Int](repeating: 0, count: k)
        var setsize = 21
        if k > 5 {
            setsize += Int(pow(4.0, ceil(log(Double(k * 3)) / log(4.0))))
        }
        if n <= setsize {
            var pool = Array(0..<n)
            for i in 0..<k {
                let j = randbelow(n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]
            }
        } else {
            var selected = Set<Int>()
            for i in 0..<k {
                var j = randbelow(n)
                while selected.contains(j) { j = randbelow(n) }
                selected.insert(j)
                result[i] = j
            }
        }
        return result
    }

    /// `sample(population, k)` over an array.
    mutating func sample<T>(_ population: [T], k: Int) throws(SupportError) -> [T] {
        try sampleIndices(populationSize: population.count, k: k).map { population[$0] }
    }

    /// `choices(population, k=k)` without weights: the chosen indices (`floor(random() * n)`).
    mutating func choicesIndices(count n: Int, k: Int) throws(SupportError) -> [Int] {
        try checkResultLength(k)
        let size = Double(n)
        return (0..<Swift.max(k, 0)).map { _ in Int((random() * size).rounded(.down)) }
    }

    /// `choices(population, cum_weights=..., k=k)` (pass accumulated weights for `weights=`):
    /// bisect_right of `random() * total` in the cumulative weights.
    mutating func choicesIndices(cumulativeWeights cum: [Double], k: Int) throws(SupportError) -> [Int] {
        guard let last = cum.last else { throw .indexError("list index out of range") }
        let total = last + 0.0
        if total <= 0 { throw .valueError("Total of weights must be greater than zero") }
        if !total.isFinite { throw .valueError("Total of weights must be finite") }
        try checkResultLength(k)
        let hi = cum.count - 1
        return (0..<Swift.max(k, 0)).map { _ in
            let x = random() * total
            var lo = 0, high = hi
            while lo < high {
                let mid = (lo + high) / 2
                if x < cum[mid] { high = mid } else { lo = mid + 1 }
            }
            return lo
        }
    }

    // MARK: real-valued distributions

    /// `uniform(a, b)`.
    mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * random() }

    /// `triangular(low, high, mode)`.
    mutating func triangular(low: Double = 0, high: Double = 1, mode: Double? = nil) -> Double {
        var u = random()
        var low = low, high = high
        var c = 0.5
        if let mode {
            if high - low == 0 { return low }
            c = (mode - low) / (high - low)
        }
        if u > c {
            u = 1.0 - u
            c = 1.0 - c
            swap(&low, &high)
        }
        return low + (high - low) * (u * c).squareRoot()
    }

    /// `gauss(mu, sigma)`: Box–Muller, keeping the second deviate for the next call.
    mutating func gauss(mu: Double = 0, sigma: Double = 1) -> Double {
        var z = gaussNext
        gaussNext = nil
        if z == nil {
            let x2pi = random() * (2 * Double.pi)
            let g2rad = (-2.0 * log(1.0 - random())).squareRoot()
            z = cos(x2pi) * g2rad
            gaussNext = sin(x2pi) * g2rad
        }
        return mu + (z ?? 0) * sigma
    }

    /// `normalvariate(mu, sigma)`: Kinderman–Monahan.
    mutating func normalvariate(mu: Double = 0, sigma: Double = 1) -> Double {
        let magic = 4 * exp(-0.5) / 2.0.squareRoot()   // NV_MAGICCONST
        while true {
            let u1 = random()
            let u2 = 1.0 - random()
            let z = magic * (u1 - 0.5) / u2
            let zz = z * z / 4.0
            if zz <= -log(u2) { return mu + z * sigma }
        }
    }

    /// `expovariate(lambd)`.
    mutating func expovariate(_ lambd: Double) throws(SupportError) -> Double {
        let numerator = -log(1.0 - random())
        if lambd == 0 { throw .zeroDivision("float division by zero") }
        return numerator / lambd
    }
}
