import BigInt

extension Interpreter {
    /// `random`, driven by CPython's algorithms so seeded sequences match CPython exactly.
    func makeRandomModule() -> PyModule {
        let m = PyModule(name: "random")
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
        m.dict["seed"] = native("seed") { i, a in
            let x = i.optArg(a, 0, "a") ?? PyNone.shared
            switch x {
            case is PyNone: i.randomState.seedFromSystem()
            case let n as PyInt: i.randomState.seed(n.bigValue)
            case let s as PyString: i.randomState.seed(text: s.value)
            case let b as PyBytes: i.randomState.seed(bytes: b.value)
            default: i.randomState.seed(hash: try i.hash(x))
            }
            return PyNone.shared
        }
        m.dict["random"] = native("random") { i, _ in PyFloat(i.randomState.random()) }
        m.dict["getrandbits"] = native("getrandbits") { i, a in
            let k = try i.intArg(try i.arg(a, 0, "getrandbits"))
            return PyInt.make(try wrap(i) { () throws(SupportError) in try i.randomState.getrandbits(k) })
        }
        m.dict["randint"] = native("randint") { i, a in
            let lo = try big(i, try i.arg(a, 0, "randint", "a")), hi = try big(i, try i.arg(a, 1, "randint", "b"))
            return PyInt.make(try wrap(i) { () throws(SupportError) in try i.randomState.randint(lo, hi) })
        }
        m.dict["randrange"] = native("randrange") { i, a in
            let p = try a.positional.map { try big(i, $0) }
            switch p.count {
            case 1: return PyInt.make(try wrap(i) { () throws(SupportError) in try i.randomState.randrange(p[0]) })
            case 2: return PyInt.make(try wrap(i) { () throws(SupportError) in try i.randomState.randrange(p[0], p[1]) })
            case 3: return PyInt.make(try wrap(i) { () throws(SupportError) in try i.randomState.randrange(p[0], p[1], step: p[2]) })
            default: throw i.typeError("randrange expected at most 3 arguments, got \(p.count)")
            }
        }
        m.dict["choice"] = native("choice") { i, a in
            let seq = try i.arg(a, 0, "choice", "seq")
            let n = try i.length(seq)
            if n == 0 { throw i.indexError("Cannot choose from an empty sequence") }
            let k = try wrap(i) { () throws(SupportError) in try i.randomState.choiceIndex(count: n) }
            return try i.getItem(seq, PyInt.make(k))
        }
        m.dict["shuffle"] = native("shuffle") { i, a in
            guard let l = try i.arg(a, 0, "shuffle", "x") as? PyList else {
                throw i.typeError("'\(i.typeName(a.positional[0]))' object does not support item assignment")
            }
            i.randomState.shuffle(&l.items)
            return PyNone.shared
        }
        m.dict["sample"] = native("sample") { i, a in
            let pop = try i.arg(a, 0, "sample", "population")
            if pop is PySet || pop is PyDict {
                throw i.typeError("Population must be a sequence.  For dicts or sets, use sorted(d).")
            }
            let items = try i.iterateToArray(pop)
            let k = try i.intArg(try i.arg(a, 1, "sample", "k"))
            let idx = try wrap(i) { () throws(SupportError) in try i.randomState.sampleIndices(populationSize: items.count, k: k) }
            return PyList(idx.map { items[$0] })
        }
        m.dict["choices"] = native("choices") { i, a in
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
                idx = try wrap(i) { () throws(SupportError) in try i.randomState.choicesIndices(cumulativeWeights: cum, k: k) }
            } else if let cw = a.keyword("cum_weights"), !(cw is PyNone) {
                let cum = try i.iterateToArray(cw).map { try i.asDouble($0) ?? 0 }
                idx = try wrap(i) { () throws(SupportError) in try i.randomState.choicesIndices(cumulativeWeights: cum, k: k) }
            } else {
                if items.isEmpty { throw i.indexError("Cannot choose from an empty sequence") }
                idx = try wrap(i) { () throws(SupportError) in try i.randomState.choicesIndices(count: items.count, k: k) }
            }
            return PyList(idx.map { items[$0] })
        }
        func real(_ i: Interpreter, _ o: PyObject?) throws -> Double? {
            guard let o else { return nil }
            guard let d = try i.asDouble(o) else { throw i.typeError("must be real number, not \(i.typeName(o))") }
            return d
        }
        m.dict["uniform"] = native("uniform") { i, a in
            PyFloat(i.randomState.uniform(try real(i, try i.arg(a, 0, "uniform", "a"))!, try real(i, try i.arg(a, 1, "uniform", "b"))!))
        }
        m.dict["gauss"] = native("gauss") { i, a in
            PyFloat(i.randomState.gauss(mu: try real(i, i.optArg(a, 0, "mu")) ?? 0, sigma: try real(i, i.optArg(a, 1, "sigma")) ?? 1))
        }
        m.dict["normalvariate"] = native("normalvariate") { i, a in
            PyFloat(i.randomState.normalvariate(mu: try real(i, i.optArg(a, 0, "mu")) ?? 0, sigma: try real(i, i.optArg(a, 1, "sigma")) ?? 1))
        }
        m.dict["triangular"] = native("triangular") { i, a in
            PyFloat(i.randomState.triangular(low: try real(i, i.optArg(a, 0, "low")) ?? 0, high: try real(i, i.optArg(a, 1, "high")) ?? 1,
                                             mode: try real(i, i.optArg(a, 2, "mode"))))
        }
        m.dict["expovariate"] = native("expovariate") { i, a in
            let l = try real(i, try i.arg(a, 0, "expovariate", "lambd"))!
            return PyFloat(try wrap(i) { () throws(SupportError) in try i.randomState.expovariate(l) })
        }
        return m
    }
}
