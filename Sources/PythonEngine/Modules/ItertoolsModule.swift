import BigInt

extension Interpreter {
    /// `itertools`: lazy native iterators, so infinite ones (`count`, `cycle`) stay lazy.
    func makeItertoolsModule() -> PyModule {
        let m = PyModule(name: "itertools")
        m.dict["count"] = native("count") { i, a in
            var cur: PyObject = i.optArg(a, 0, "start") ?? PyInt.make(0)
            let step: PyObject = i.optArg(a, 1, "step") ?? PyInt.make(1)
            return PyNativeIterator("itertools.count") { interp in
                let v = cur
                cur = try interp.binaryOp(.add, cur, step)
                return v
            }
        }
        m.dict["cycle"] = native("cycle") { i, a in
            let it = try i.getIterator(try i.arg(a, 0, "cycle"))
            var saved: [PyObject] = []
            var idx = 0
            var exhausted = false
            return PyNativeIterator("itertools.cycle") { interp in
                if !exhausted {
                    if let v = try interp.nextItem(it) { saved.append(v); return v }
                    exhausted = true
                }
                if saved.isEmpty { return nil }
                let v = saved[idx % saved.count]
                idx += 1
                return v
            }
        }
        m.dict["repeat"] = native("repeat") { i, a in
            let v = try i.arg(a, 0, "repeat", "object")
            var times = try i.optArg(a, 1, "times").map { try i.intArg($0) } ?? -1
            return PyNativeIterator("itertools.repeat") { _ in
                if times == 0 { return nil }
                if times > 0 { times -= 1 }
                return v
            }
        }
        func chainIterator(_ sources: [PyObject]) -> PyNativeIterator {
            var k = 0
            var current: PyObject?
            return PyNativeIterator("itertools.chain") { interp in
                while true {
                    if current == nil {
                        guard k < sources.count else { return nil }
                        current = try interp.getIterator(sources[k])
                        k += 1
                    }
                    if let v = try interp.nextItem(current!) { return v }
                    current = nil
                }
            }
        }
        // `chain` is a class so `chain.from_iterable` resolves as in CPython.
        let chain = PyClass(name: "chain", bases: [BuiltinTypes.object], module: "itertools")
        chain.constructor = { _, a in chainIterator(a.positional) }
        chain.dict["from_iterable"] = PyNativeFunction("from_iterable") { i, a in
            chainIterator(try i.iterateToArray(try i.arg(a, 0, "from_iterable")))
        }
        m.dict["chain"] = chain
        m.dict["islice"] = native("islice") { i, a in
            let it = try i.getIterator(try i.arg(a, 0, "islice"))
            let p = a.positional.dropFirst().map { $0 is PyNone ? nil : $0 }
            var start = 0, stop: Int? = nil, step = 1
            if p.count == 1 { stop = try p[0].map { try i.intArg($0) } } else if p.count >= 2 {
                start = try p[0].map { try i.intArg($0) } ?? 0
                stop = try p[1].map { try i.intArg($0) }
                if p.count > 2 { step = try p[2].map { try i.intArg($0) } ?? 1 }
            }
            if start < 0 || (stop ?? 0) < 0 {
                throw i.valueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
            }
            if step <= 0 { throw i.valueError("Step for islice() must be a positive integer or None.") }
            var index = 0
            var nextWanted = start
            return PyNativeIterator("itertools.islice") { interp in
                while true {
                    if let s = stop, nextWanted >= s { return nil }
                    guard let v = try interp.nextItem(it) else { return nil }
                    let here = index
                    index += 1
                    if here == nextWanted {
                        nextWanted += step
                        return v
                    }
                }
            }
        }
        m.dict["product"] = native("product") { i, a in
            let rep = try a.keyword("repeat").map { try i.intArg($0) } ?? 1
            var pools = try a.positional.map { try i.iterateToArray($0) }
            pools = Array(repeating: pools, count: max(0, rep)).flatMap { $0 }
            var results: [[PyObject]] = [[]]
            for pool in pools {
                var next: [[PyObject]] = []
                for r in results { for x in pool { next.append(r + [x]) } }
                results = next
                if results.count > 10_000_000 { throw i.error(ExceptionTypes.memoryError, "") }
            }
            var k = 0
            return PyNativeIterator("itertools.product") { _ in
                guard k < results.count else { return nil }
                k += 1
                return PyTuple(results[k - 1])
            }
        }
        func combinatoric(_ name: String, _ gen: @escaping ([PyObject], Int) -> [[PyObject]]) {
            m.dict[name] = native(name) { i, a in
                let pool = try i.iterateToArray(try i.arg(a, 0, name, "iterable"))
                let r = try i.optArg(a, 1, "r").flatMap { $0 is PyNone ? nil : $0 }.map { try i.intArg($0) } ?? pool.count
                if r < 0 { throw i.valueError("r must be non-negative") }
                let all = gen(pool, r)
                var k = 0
                return PyNativeIterator("itertools.\(name)") { _ in
                    guard k < all.count else { return nil }
                    k += 1
                    return PyTuple(all[k - 1])
                }
            }
        }
        combinatoric("permutations") { pool, r in
            var out: [[PyObject]] = []
            func rec(_ used: [Bool], _ cur: [Int]) {
                if cur.count == r { out.append(cur.map { pool[$0] }); return }
                for j in 0..<pool.count where !used[j] {
                    var u = used
                    u[j] = true
                    rec(u, cur + [j])
                }
            }
            if r <= pool.count { rec(Array(repeating: false, count: pool.count), []) }
            return out
        }
        combinatoric("combinations") { pool, r in
            var out: [[PyObject]] = []
            func rec(_ start: Int, _ cur: [Int]) {
                if cur.count == r { out.append(cur.map { pool[$0] }); return }
                if start >= pool.count { return }
                for j in start..<pool.count { rec(j + 1, cur + [j]) }
            }
            if r <= pool.count { rec(0, []) }
            return out
        }
        combinatoric("combinations_with_replacement") { pool, r in
            var out: [[PyObject]] = []
            func rec(_ start: Int, _ cur: [Int]) {
                if cur.count == r { out.append(cur.map { pool[$0] }); return }
                if start >= pool.count { return }
                for j in start..<pool.count { rec(j, cur + [j]) }
            }
            if !pool.isEmpty || r == 0 { rec(0, []) }
            return out
        }
        m.dict["accumulate"] = native("accumulate") { i, a in
            let it = try i.getIterator(try i.arg(a, 0, "accumulate"))
            let fn = (a.positional.count > 1 ? a.positional[1] : a.keyword("func")).flatMap { $0 is PyNone ? nil : $0 }
            var total: PyObject? = a.keyword("initial").flatMap { $0 is PyNone ? nil : $0 }
            var emittedInitial = total == nil
            return PyNativeIterator("itertools.accumulate") { interp in
                if !emittedInitial { emittedInitial = true; return total }
                guard let v = try interp.nextItem(it) else { return nil }
                if let t = total {
                    total = try fn.map { try interp.call($0, CallArgs([t, v])) } ?? interp.binaryOp(.add, t, v)
                } else {
                    total = v
                }
                return total
            }
        }
        m.dict["starmap"] = native("starmap") { i, a in
            let fn = try i.arg(a, 0, "starmap")
            let it = try i.getIterator(try i.arg(a, 1, "starmap"))
            return PyNativeIterator("itertools.starmap") { interp in
                guard let v = try interp.nextItem(it) else { return nil }
                return try interp.call(fn, CallArgs(try interp.iterateToArray(v)))
            }
        }
        m.dict["compress"] = native("compress") { i, a in
            let data = try i.getIterator(try i.arg(a, 0, "compress", "data"))
            let selectors = try i.getIterator(try i.arg(a, 1, "compress", "selectors"))
            return PyNativeIterator("itertools.compress") { interp in
                while let v = try interp.nextItem(data) {
                    guard let keep = try interp.nextItem(selectors) else { return nil }
                    if try interp.truthy(keep) { return v }
                }
                return nil
            }
        }
        m.dict["pairwise"] = native("pairwise") { i, a in
            let it = try i.getIterator(try i.arg(a, 0, "pairwise", "iterable"))
            var previous: PyObject?
            return PyNativeIterator("itertools.pairwise") { interp in
                if previous == nil { previous = try interp.nextItem(it) }
                guard let first = previous, let second = try interp.nextItem(it) else { return nil }
                previous = second
                return PyTuple([first, second])
            }
        }
        m.dict["takewhile"] = native("takewhile") { i, a in
            let fn = try i.arg(a, 0, "takewhile")
            let it = try i.getIterator(try i.arg(a, 1, "takewhile"))
            var done = false
            return PyNativeIterator("itertools.takewhile") { interp in
                if done { return nil }
                guard let v = try interp.nextItem(it) else { return nil }
                if try interp.truthy(try interp.call(fn, CallArgs([v]))) { return v }
                done = true
                return nil
            }
        }
        m.dict["dropwhile"] = native("dropwhile") { i, a in
            let fn = try i.arg(a, 0, "dropwhile")
            let it = try i.getIterator(try i.arg(a, 1, "dropwhile"))
            var dropping = true
            return PyNativeIterator("itertools.dropwhile") { interp in
                while let v = try interp.nextItem(it) {
                    if dropping, try interp.truthy(try interp.call(fn, CallArgs([v]))) { continue }
                    dropping = false
                    return v
                }
                return nil
            }
        }
        m.dict["zip_longest"] = native("zip_longest") { i, a in
            let its = try a.positional.map { try i.getIterator($0) }
            let fill = a.keyword("fillvalue") ?? PyNone.shared
            var active = Array(repeating: true, count: its.count)
            return PyNativeIterator("itertools.zip_longest") { interp in
                var out: [PyObject] = []
                for (k, it) in its.enumerated() {
                    if active[k], let v = try interp.nextItem(it) { out.append(v) } else { active[k] = false; out.append(fill) }
                }
                return active.contains(true) ? PyTuple(out) : nil
            }
        }
        m.dict["groupby"] = native("groupby") { i, a in
            let items = try i.iterateToArray(try i.arg(a, 0, "groupby"))
            let key = (a.positional.count > 1 ? a.positional[1] : a.keyword("key")).flatMap { $0 is PyNone ? nil : $0 }
            var groups: [(PyObject, [PyObject])] = []
            for x in items {
                let k = try key.map { try i.call($0, CallArgs([x])) } ?? x
                if let last = groups.last, try i.equals(last.0, k) {
                    groups[groups.count - 1].1.append(x)
                } else {
                    groups.append((k, [x]))
                }
            }
            var idx = 0
            return PyNativeIterator("itertools.groupby") { _ in
                guard idx < groups.count else { return nil }
                idx += 1
                return PyTuple([groups[idx - 1].0, PyList(groups[idx - 1].1).asIterator()])
            }
        }
        return m
    }
}

extension PyList {
    func asIterator() -> PyNativeIterator {
        var k = 0
        let items = self.items
        return PyNativeIterator("itertools._grouper") { _ in
            guard k < items.count else { return nil }
            k += 1
            return items[k - 1]
        }
    }
}
