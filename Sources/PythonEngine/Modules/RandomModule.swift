import BigInt

extension Interpreter {
    /// `random`, driven by CPython's algorithms so seeded sequences match CPython exactly. The
    /// module functions use the interpreter's hidden generator; `random.Random(seed)` instances
    /// carry their own, with the same methods.
    func makeRandomModule() -> PyModule {
        let m = PyModule(name: "random")
        var functions: [(String, RandomBody)] = []
        func def(_ name: String, _ body: @escaping RandomBody) { functions.append((name, body)) }
        func big(_ i: Interpreter, _ o: PyObject) throws -> BigInt {
            guard let n = o as? PyInt else {
                if let f = o as? PyFloat, f.value == f.value.rounded() { return doubleToBigInt(f.value) }
                throw i.typeError("'\(i.typeName(o))' object cannot be interpreted as an integer")
            }
            return n.bigValue
        }
        func wrap<T>(_ i: Interpreter, _ body: () throws(SupportError) -> T) throws -> T {
            do { return try body() } catch { throw i.convert(error) }
        }
        def("seed") { i, a, t in
            let x = i.optArg(a, 0, "a") ?? PyNone.shared
            switch x {
            case is PyNone: i[random: t].seedFromSystem()
            case let n as PyInt: i[random: t].seed(n.bigValue)
            case let s as PyString: i[random: t].seed(text: s.value)
            case let b as PyBytes: i[random: t].seed(bytes: b.value)
            default: i[random: t].seed(hash: try i.hash(x))
            }
            return PyNone.shared
        }
        def("random") { i, _, t in PyFloat(i[random: t].random()) }
        def("getrandbits") { i, a, t in
            let k = try i.intArg(try i.arg(a, 0, "getrandbits"))
            return PyInt.make(try wrap(i) { () throws(SupportError) in try i[random: t].getrandbits(k) })
        }
        def("randint") { i, a, t in
            let lo = try big(i, try i.arg(a, 0, "randint", "a")), hi = try big(i, try i.arg(a, 1, "randint", "b"))
            return PyInt.make(try wrap(i) { () throws(SupportError) in try i[random: t].randint(lo, hi) })
        }
        def("randrange") { i, a, t in
            let p = try a.positional.map { try big(i, $0) }
            switch p.count {
            case 1: return PyInt.make(try wrap(i) { () throws(SupportError) in try i[random: t].randrange(p[0]) })
            case 2: return PyInt.make(try wrap(i) { () throws(SupportError) in try i[random: t].randrange(p[0], p[1]) })
            case 3: return PyInt.make(try wrap(i) { () throws(SupportError) in try i[random: t].randrange(p[0], p[1], step: p[2]) })
            default: throw i.typeError("randrange expected at most 3 arguments, got \(p.count)")
            }
        }
        def("choice") { i, a, t in
            let seq = try i.arg(a, 0, "choice", "seq")
            let n = try i.length(seq)
            if n == 0 { throw i.indexError("Cannot choose from an empty sequence") }
            let k = try wrap(i) { () throws(SupportError) in try i[random: t].choiceIndex(count: n) }
            return try i.getItem(seq, PyInt.make(k))
        }
        def("shuffle") { i, a, t in
            guard let l = try i.arg(a, 0, "shuffle", "x") as? PyList else {
                throw i.typeError("'\(i.typeName(a.positional[0]))' object does not support item assignment")
            }
            i[random: t].shuffle(&l.items)
            return PyNone.shared
        }
        def("sample") { i, a, t in
            let pop = try i.arg(a, 0, "sample", "population")
            if pop is PySet || pop is PyDict {
                throw i.typeError("Population must be a sequence.  For dicts or sets, use sorted(d).")
            }
            let items = try i.iterateToArray(pop)
            let k = try i.intArg(try i.arg(a, 1, "sample", "k"))
            let idx = try wrap(i) { () throws(SupportError) in try i[random: t].sampleIndices(populationSize: items.count, k: k) }
            return PyList(idx.map { items[$0] })
        }
        def("choices") { i, a, t in
            let items = try i.iterateToArray(try i.arg(a, 0, "choices", "population"))
            let k = try a.keyword("k").map { try i.intArg($0) } ?? 1
            var idx: [Int]
            if let w = a.keyword("weights") ?? (a.positional.count > 1 ? a.positional[1] : nil), !(w is PyNone) {
                var cum: [Double] = []
                var total = 0.0
                for o in try i.iterateToArray(w) {
                    total += try i.asDouble(o) ?? 0
                    cum.append(total)
                }
                idx = try wrap(i) { () throws(SupportError) in try i[random: t].choicesIndices(cumulativeWeights: cum, k: k) }
            } else if let cw = a.keyword("cum_weights"), !(cw is PyNone) {
                let cum = try i.iterateToArray(cw).map { try i.asDouble($0) ?? 0 }
                idx = try wrap(i) { () throws(SupportError) in try i[random: t].choicesIndices(cumulativeWeights: cum, k: k) }
            } else {
                if items.isEmpty { throw i.indexError("Cannot choose from an empty sequence") }
                idx = try wrap(i) { () throws(SupportError) in try i[random: t].choicesIndices(count: items.count, k: k) }
            }
            return PyList(idx.map { items[$0] })
        }
        func real(_ i: Interpreter, _ o: PyObject?) throws -> Double? {
            guard let o else { return nil }
            guard let d = try i.asDouble(o) else { throw i.typeError("must be real number, not \(i.typeName(o))") }
            return d
        }
        def("uniform") { i, a, t in
            PyFloat(i[random: t].uniform(try real(i, try i.arg(a, 0, "uniform", "a"))!, try real(i, try i.arg(a, 1, "uniform", "b"))!))
        }
        def("gauss") { i, a, t in
            PyFloat(i[random: t].gauss(mu: try real(i, i.optArg(a, 0, "mu")) ?? 0, sigma: try real(i, i.optArg(a, 1, "sigma")) ?? 1))
        }
        def("normalvariate") { i, a, t in
            PyFloat(i[random: t].normalvariate(mu: try real(i, i.optArg(a, 0, "mu")) ?? 0, sigma: try real(i, i.optArg(a, 1, "sigma")) ?? 1))
        }
        def("triangular") { i, a, t in
            PyFloat(i[random: t].triangular(low: try real(i, i.optArg(a, 0, "low")) ?? 0, high: try real(i, i.optArg(a, 1, "high")) ?? 1,
                                             mode: try real(i, i.optArg(a, 2, "mode"))))
        }
        def("expovariate") { i, a, t in
            let l = try real(i, try i.arg(a, 0, "expovariate", "lambd"))!
            return PyFloat(try wrap(i) { () throws(SupportError) in try i[random: t].expovariate(l) })
        }
        def("getstate") { i, _, t in
            let state = i[random: t].state
            return PyTuple([PyInt.make(3), PyTuple(state.words.map { PyInt.make(Int($0)) }),
                            state.gaussNext.map { PyFloat($0) } ?? PyNone.shared])
        }
        def("setstate") { i, a, t in
            let state = try i.arg(a, 0, "setstate", "state")
            guard let parts = state as? PyTuple, parts.items.count == 3 else {
                throw i.typeError("state vector must be a tuple")
            }
            guard let version = parts.items[0] as? PyInt, version.small == 3, version.big == nil else {
                throw i.valueError("state with version \(try i.repr(parts.items[0])) passed to Random.setstate() of version 3")
            }
            guard let words = parts.items[1] as? PyTuple else { throw i.typeError("state vector must be a tuple") }
            let values = try words.items.map { o -> UInt32 in
                guard let n = o as? PyInt, let w = UInt32(exactly: n.bigValue) else {
                    throw i.error(ExceptionTypes.overflowError, "Python int too large to convert to C unsigned long")
                }
                return w
            }
            let gauss = parts.items[2] is PyNone ? nil : try real(i, parts.items[2])
            try wrap(i) { () throws(SupportError) in try i[random: t].setState(words: values, gaussNext: gauss) }
            return PyNone.shared
        }
        for (name, body) in functions {
            m.dict[name] = native(name) { i, a in try body(i, a, .module) }
        }
        let cls = RandomTypes.random
        // The class is one per process; its methods call the given generator, so the first
        // import's closures serve every interpreter.
        RandomTypes.installation.run {
            cls.constructor = { i, a in
                let g = PyRandomGenerator()
                let seed = functions.first { $0.0 == "seed" }?.1
                _ = try seed?(i, a, .instance(g))
                return g
            }
            for (name, body) in functions {
                BuiltinMethodTables.method(cls, name) { i, a in
                    guard let g = a.positional.first as? PyRandomGenerator else {
                        throw i.typeError("descriptor '\(name)' requires a 'random.Random' object")
                    }
                    return try body(i, CallArgs(Array(a.positional.dropFirst()), keywords: a.keywords), .instance(g))
                }
            }
        }
        m.dict["Random"] = cls
        return m
    }

    /// The generator a `random` function works on, in place (no copy of its 2.5 KB state).
    subscript(random target: RandomTarget) -> PythonRandom {
        get {
            switch target {
            case .module: return randomState
            case .instance(let g): return g.state
            }
        }
        _modify {
            switch target {
            case .module: yield &randomState
            case .instance(let g): yield &g.state
            }
        }
    }
}

typealias RandomBody = (Interpreter, CallArgs, RandomTarget) throws -> PyObject

/// Which generator a `random` function uses: the module's or a `random.Random` instance's.
enum RandomTarget {
    case module
    case instance(PyRandomGenerator)
}

enum RandomTypes {
    static let random = PyClass(name: "Random", bases: [BuiltinTypes.object], module: "random")
    static let installation = OncePerProcess()
}

/// A `random.Random` instance: its own Mersenne Twister state.
final class PyRandomGenerator: PyObject, @unchecked Sendable {
    var state = PythonRandom()
    override var pyClass: PyClass { RandomTypes.random }
}
