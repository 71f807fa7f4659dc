import BigInt

extension Interpreter {
    func constant(_ e: Expr, _ c: Constant) -> PyObject {
        switch c {
        case .none: return PyNone.shared
        case .bool(let b): return PyBool.of(b)
        case .ellipsis: return PyEllipsis.shared
        default: break
        }
        let key = ObjectIdentifier(e)
        if let v = constantCache[key] { return v }
        let v: PyObject
        switch c {
        case .int(let i): v = PyInt.make(i)
        case .float(let d): v = PyFloat(d)
        case .imaginary(let d): v = PyComplex(0, d)
        case .str(let s): v = PyString(s)
        case .bytes(let b): v = PyBytes(b)
        default: v = PyNone.shared
        }
        constantCache[key] = v
        return v
    }

    @inline(__always)
    func applyBinary(_ op: BinaryOp, _ a: PyObject, _ b: PyObject) throws -> PyObject {
        if let v = try scalarBinary(op, a, b) { return v }
        return try binaryOp(op, a, b)
    }

    /// A left-nested chain `((a + b) - c) + d`. The usual short chain recurses (no array to
    /// build: the spine array was ≈ 360 instructions of `x = (x * a + b) % m`); past
    /// `nestedChainLimit` levels the rest is walked by `evalBinarySpine`, so the ~3000-term
    /// chains CPython compiles still cost no Swift stack. Order is the same either way: the
    /// leftmost operand first, then each right operand just before its operator applies.
    func evalBinaryChain(_ e: Expr, _ f: Frame) throws -> PyObject {
        try evalBinaryNested(e, f, budget: Interpreter.nestedChainLimit)
    }

    static let nestedChainLimit = 32

    private func evalBinaryNested(_ e: Expr, _ f: Frame, budget: Int) throws -> PyObject {
        guard case .binary(let op, let l, let r) = e.kind else { return try eval(e, f) }
        let left: PyObject
        if case .binary = l.kind {
            left = budget > 0 ? try evalBinaryNested(l, f, budget: budget - 1) : try evalBinarySpine(l, f)
        } else {
            left = try eval(l, f)
        }
        return try applyBinary(op, left, try eval(r, f))
    }

    /// The loop form of `evalBinaryChain` for long chains.
    func evalBinarySpine(_ e: Expr, _ f: Frame) throws -> PyObject {
        var spine: [(BinaryOp, Expr)] = []
        var node = e
        while case .binary(let op, let l, let r) = node.kind {
            spine.append((op, r))
            node = l
        }
        var acc = try eval(node, f)
        for (op, r) in spine.reversed() {
            acc = try applyBinary(op, acc, try eval(r, f))
        }
        return acc
    }

    /// Evaluates `e`. An exception escaping the innermost expression remembers its span for the
    /// traceback's caret line (Errors/Carets.swift).
    func eval(_ e: Expr, _ f: Frame) throws -> PyObject {
        do {
            return try evalNode(e, f)
        } catch let error as PyError {
            if error.exception.pendingCaret == nil { error.exception.pendingCaret = CaretSpan(e) }
            throw error
        }
    }

    @inline(__always)
    private func evalNode(_ e: Expr, _ f: Frame) throws -> PyObject {
        switch e.kind {
        case .name:
            if let slot = e.nameSlot, slot.index >= 0, let v = f.env.slot(slot.index) { return v }
            return try evalNonLocalName(e, f)
        case .constant(let c): return e.constantValue ?? constant(e, c)
        case .binary(let op, let l, let r):
            if case .binary = l.kind { return try evalBinaryChain(e, f) }
            return try applyBinary(op, try eval(l, f), try eval(r, f))
        case .compare(let first, let ops, let rest):
            var left = try eval(first, f)
            for (i, op) in ops.enumerated() {
                let right = try eval(rest[i], f)
                let r = try compare(op, left, right)
                if i == ops.count - 1 { return r }
                if !(try truthy(r)) { return r }
                left = right
            }
            return PyBool.trueValue
        case .boolOp(let isAnd, let items):
            var v: PyObject = PyNone.shared
            for item in items {
                v = try eval(item, f)
                let t = try truthy(v)
                if isAnd ? !t : t { return v }
            }
            return v
        case .unary(let op, let operand):
            return try unaryOp(op, try eval(operand, f))
        case .call(let fnExpr, let args):
            return try evalCall(fnExpr, args, f, positionalArity: e.positionalCallArity)
        case .attribute(let obj, let name):
            return try getAttribute(try eval(obj, f), name)
        case .subscript(let obj, let index):
            let o = try eval(obj, f)
            return try getItem(o, try eval(index, f))
        case .slice(let a, let b, let c):
            return PySlice(try a.map { try eval($0, f) } ?? PyNone.shared, try b.map { try eval($0, f) } ?? PyNone.shared,
                           try c.map { try eval($0, f) } ?? PyNone.shared)
        case .tuple(let items): return PyTuple(try evalItems(items, f))
        case .list(let items): return PyList(try evalItems(items, f))
        case .set(let items):
            let values = try evalItems(items, f)
            if items.count >= 3 && items.allSatisfy({ if case .constant = $0.kind { return true } else { return false } }) {
                // CPython compiles a constant set display to a frozenset constant that is itself
                // rebuilt once (constant de-duplication), so its order is that of a set built
                // from the elements' own set order.
                return try makeSet(setItems(try makeSet(values)))
            }
            return try makeSet(values)
        case .dict(let items):
            let d = PyDict()
            for item in items {
                if let k = item.key {
                    let key = try eval(k, f)
                    try dictSet(d, key, try eval(item.value, f))
                } else {
                    try mergeMapping(into: d, try eval(item.value, f))
                }
            }
            return d
        case .ifExp(let test, let body, let orElse):
            return try truthy(try eval(test, f)) ? try eval(body, f) : try eval(orElse, f)
        case .lambda(let code):
            return try makeFunction(code, f)
        case .fstring(let parts):
            return PyString(try evalFString(parts, f))
        case .namedExpr(let name, let value):
            let v = try eval(value, f)
            try assignName(name, v, f, walrus: true)
            return v
        case .listComp(let elt, let comps):
            var out: [PyObject] = []
            try runComprehension(comps, f, name: "<listcomp>") { env in out.append(try self.eval(elt, env)) }
            return PyList(out)
        case .setComp(let elt, let comps):
            let s = PySet()
            try runComprehension(comps, f, name: "<setcomp>") { env in try self.setAdd(s, try self.eval(elt, env)) }
            return s
        case .dictComp(let k, let v, let comps):
            let d = PyDict()
            try runComprehension(comps, f, name: "<dictcomp>") { env in
                let key = try self.eval(k, env)
                try self.dictSet(d, key, try self.eval(v, env))
            }
            return d
        case .generatorExp(let elt, let comps):
            return try makeGeneratorExpression(elt, comps, f)
        case .starred:
            throw error(ExceptionTypes.syntaxError, "can't use starred expression here")
        case .yield, .yieldFrom:
            throw error(ExceptionTypes.notImplementedError, "'yield' inside an expression (line \(e.line)) is not supported by this engine; use it as a statement")
        }
    }

    func evalItems(_ items: [Expr], _ f: Frame) throws -> [PyObject] {
        var out: [PyObject] = []
        out.reserveCapacity(items.count)
        for item in items {
            if case .starred(let inner) = item.kind {
                out += try iterateToArray(try eval(inner, f))
            } else {
                out.append(try eval(item, f))
            }
        }
        return out
    }

    func mergeMapping(into d: PyDict, _ m: PyObject) throws {
        if let src = m as? PyDict {
            for k in dictKeys(src) { try dictSet(d, k, try dictGet(src, k)!) }
            return
        }
        guard let keysFn = try getAttributeOrNil(m, "keys") else {
            throw typeError("'\(typeName(m))' object is not a mapping")
        }
        for k in try iterateToArray(try call(keysFn, CallArgs())) {
            try dictSet(d, k, try getItem(m, k))
        }
    }

    func evalFString(_ parts: [FStringPart], _ f: Frame) throws -> String {
        var out = ""
        for p in parts {
            switch p {
            case .literal(let s): out += s
            case .field(let e, let conversion, let spec, let debugText):
                let v = try eval(e, f)
                if let d = debugText { out += d }
                let specText = try spec.map { try evalFString($0, f) } ?? ""
                var conv = conversion
                if debugText != nil && conv == nil && spec == nil { conv = "r" }
                switch conv {
                case "r": out += try format(PyString(try repr(v)), specText)
                case "s": out += try format(PyString(try str(v)), specText)
                case "a": out += try format(PyString(try ascii(v)), specText)
                default: out += try format(v, specText)
                }
            }
        }
        return out
    }

    /// Runs the loops of a comprehension in its own scope (Python 3 semantics: the loop variable
    /// does not leak). The first iterable is evaluated in the enclosing scope, as in CPython.
    /// In CPython 3.11 a comprehension is a function call, so an error inside it shows a
    /// `<listcomp>` (`<setcomp>`, `<dictcomp>`) frame in the traceback.
    func runComprehension(_ comps: [Comprehension], _ f: Frame, name: String, _ body: (Frame) throws -> Void) throws {
        let env = Environment(parent: f.scope != nil ? f.env : f.env.parent, scope: nil)
        let inner = Frame(name: name, fileName: f.fileName, line: f.line, env: env, globals: f.globals, scope: nil, comprehensionOuter: f)
        let firstIter = try getIterator(try eval(comps[0].iter, f))
        do {
            try runComprehensionLevel(comps, 0, firstIter, inner, body)
        } catch let error as PyError {
            error.exception.addTraceback(inner)
            throw error
        }
    }

    func runComprehensionLevel(_ comps: [Comprehension], _ level: Int, _ iterator: PyObject, _ f: Frame, _ body: (Frame) throws -> Void) throws {
        let comp = comps[level]
        outer: while let item = try nextItem(iterator) {
            try tick()
            try assign(comp.target, item, f)
            for cond in comp.conditions where !(try truthy(try eval(cond, f))) { continue outer }
            if level + 1 < comps.count {
                try runComprehensionLevel(comps, level + 1, try getIterator(try eval(comps[level + 1].iter, f)), f, body)
            } else {
                try body(f)
            }
        }
    }

    /// A generator expression is a lazy native iterator over the same comprehension machinery,
    /// driven one element at a time by an explicit stack of iterators (no threads, no recursion).
    func makeGeneratorExpression(_ elt: Expr, _ comps: [Comprehension], _ f: Frame) throws -> PyObject {
        let env = Environment(parent: f.scope != nil ? f.env : f.env.parent, scope: nil)
        let inner = Frame(name: "<genexpr>", fileName: f.fileName, line: f.line, env: env, globals: f.globals, scope: nil, comprehensionOuter: f)
        var iterators: [PyObject] = [try getIterator(try eval(comps[0].iter, f))]
        return PyNativeIterator("generator") { interp in
            do {
                return try step(interp)
            } catch let error as PyError {
                error.exception.addTraceback(inner)
                throw error
            }
        }
        func step(_ interp: Interpreter) throws -> PyObject? {
            while !iterators.isEmpty {
                let level = iterators.count - 1
                guard let item = try interp.nextItem(iterators[level]) else {
                    iterators.removeLast()
                    continue
                }
                try interp.tick()
                let comp = comps[level]
                try interp.assign(comp.target, item, inner)
                var ok = true
                for cond in comp.conditions where !(try interp.truthy(try interp.eval(cond, inner))) { ok = false; break }
                if !ok { continue }
                if level + 1 < comps.count {
                    iterators.append(try interp.getIterator(try interp.eval(comps[level + 1].iter, inner)))
                    continue
                }
                return try interp.eval(elt, inner)
            }
            return nil
        }
    }

    // MARK: names

    /// Reads a name node that is not a bound local (those are read inline in `evalNode`), using
    /// what the parser resolved (`NameSlot`): in a function, a free name without enclosing
    /// function scopes, or one declared `global`, goes straight to the globals and builtins; at
    /// module level every name does; everything else takes the general scope search. All table
    /// probes use the node's precomputed hash.
    func evalNonLocalName(_ e: Expr, _ f: Frame) throws -> PyObject {
        guard let slot = e.nameSlot else { throw error(ExceptionTypes.systemError, "name expected") }
        let n = slot.name
        let i = slot.index
        switch f.kind {
        case .function:
            if i >= 0 {
                if let v = f.env.slot(i) { return v }
            } else if i == NameSlot.declaredGlobal || (i == NameSlot.free && f.env.parent == nil) {
                return try lookupGlobal(n, hash: slot.hash, f)
            }
        case .module:
            return try lookupGlobal(n, hash: slot.hash, f)
        case .comprehension:
            if slot.outerIndex >= 0 {
                // A local of the function the comprehension runs in (see `SlotResolver`).
                var outer = f.comprehensionOuter
                while let o = outer, o.kind == .comprehension { outer = o.comprehensionOuter }
                if let o = outer, o.kind == .function, let v = o.env.slot(slot.outerIndex) { return v }
            } else if let v = f.env.values.value(n, hash: slot.hash) {
                return v
            }
        case .classBody:
            break
        }
        return try lookup(n, hash: slot.hash, f)
    }

    func lookup(_ name: String, _ f: Frame) throws -> PyObject {
        try lookup(name, hash: NameTable.hash(name), f)
    }

    func lookup(_ name: String, hash: Int, _ f: Frame) throws -> PyObject {
        if let scope = f.scope {
            switch scope.bindings[name] {
            case .local?:
                if let v = f.env.get(name) { return v }
                throw error(ExceptionTypes.unboundLocalError, Messages.unboundLocal(name))
            case .global?:
                return try lookupGlobal(name, hash: hash, f)
            case .nonlocal?, nil:
                return try lookupEnclosing(name, hash: hash, f.env.parent, f)
            }
        }
        if f.isClassBody {
            if let v = f.env.values.value(name, hash: hash) { return v }
            return try lookupEnclosing(name, hash: hash, f.env.parent, f)
        }
        if let outer = f.comprehensionOuter {
            if let v = f.env.values.value(name, hash: hash) { return v }
            // In CPython 3.11 a comprehension is a nested function: an unbound local of the
            // function around it is an unbound free variable there (NameError, not
            // UnboundLocalError).
            if outer.kind == .function, outer.scope?.bindings[name] == .local, outer.env.get(name) == nil {
                throw error(ExceptionTypes.nameError, Messages.unboundFree(name))
            }
            return try lookup(name, hash: hash, outer)
        }
        return try lookupGlobal(name, hash: hash, f)
    }

    func lookupEnclosing(_ name: String, hash: Int, _ start: Environment?, _ f: Frame) throws -> PyObject {
        var env = start
        while let e = env {
            if !e.isClassBody, let scope = e.scope, let b = scope.bindings[name] {
                if b == .global { break }
                if b == .local {
                    if let v = e.get(name) { return v }
                    throw error(ExceptionTypes.nameError, Messages.unboundFree(name))
                }
            } else if e.scope == nil, !e.isClassBody, let v = e.values.value(name, hash: hash) {
                return v
            }
            env = e.parent
        }
        return try lookupGlobal(name, hash: hash, f)
    }

    func lookupGlobal(_ name: String, _ f: Frame) throws -> PyObject {
        try lookupGlobal(name, hash: NameTable.hash(name), f)
    }

    @inline(__always)
    func lookupGlobal(_ name: String, hash: Int, _ f: Frame) throws -> PyObject {
        if let v = f.globals.values.value(name, hash: hash) { return v }
        if let v = builtins.value(name, hash: hash) { return v }
        throw nameError(name, f)
    }

    /// Binds a name in the right scope for frame `f`.
    func assignName(_ name: String, _ value: PyObject, _ f: Frame, walrus: Bool = false) throws {
        try assignName(name, hash: NameTable.hash(name), value, f, walrus: walrus)
    }

    /// Binds a name whose `NameTable.hash` is known (a name node's `NameSlot.hash`).
    func assignName(_ name: String, hash: Int, _ value: PyObject, _ f: Frame, walrus: Bool = false) throws {
        var frame = f
        if walrus { while let outer = frame.comprehensionOuter { frame = outer } }
        if let scope = frame.scope {
            if !scope.hasDeclarations {
                frame.env.set(name, value)
                return
            }
            switch scope.bindings[name] {
            case .global?: frame.globals.values.set(name, hash: hash, value)
            case .nonlocal?:
                var env = frame.env.parent
                while let e = env {
                    if let s = e.scope, !e.isClassBody, s.bindings[name] == .local { e.set(name, value); return }
                    env = e.parent
                }
                throw error(ExceptionTypes.syntaxError, "no binding for nonlocal '\(name)' found")
            default: frame.env.set(name, value)
            }
            return
        }
        frame.env.values.set(name, hash: hash, value)
    }

    func deleteName(_ name: String, _ f: Frame) throws {
        if let scope = f.scope, scope.bindings[name] == .global {
            if f.globals.values.removeValue(forKey: name) == nil { throw nameError(name, f) }
            return
        }
        if !f.env.remove(name) {
            if f.scope != nil {
                throw error(ExceptionTypes.unboundLocalError, Messages.unboundLocal(name))
            }
            throw nameError(name, f)
        }
    }

    /// Assignment to any target: names, attributes, subscripts, and (starred) unpacking.
    /// Runs `body`; an exception from it that has no span yet gets `e`'s, for the caret line
    /// (a failed store or unpacking underlines its target, as CPython's does).
    func spanned<T>(_ e: Expr, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PyError {
            if error.exception.pendingCaret == nil { error.exception.pendingCaret = CaretSpan(e) }
            throw error
        }
    }

    func assign(_ target: Expr, _ value: PyObject, _ f: Frame) throws {
        // The common stores cannot fail, so they skip the span bookkeeping: a function's local
        // slot, and a name in a module, class body or comprehension (always its own namespace:
        // `global`/`nonlocal` only exist in functions, and the walrus does not come here).
        if let slot = target.nameSlot {
            if slot.index >= 0, f.env.setSlot(slot.index, value) { return }
            if f.kind != .function {
                f.env.values.set(slot.name, hash: slot.hash, value)
                return
            }
        }
        try spanned(target) { try assignTarget(target, value, f) }
    }

    private func assignTarget(_ target: Expr, _ value: PyObject, _ f: Frame) throws {
        switch target.kind {
        case .name(let n):
            if let slot = target.nameSlot?.index, slot >= 0, f.env.setSlot(slot, value) { return }
            if let slot = target.nameSlot {
                try assignName(n, hash: slot.hash, value, f)
            } else {
                try assignName(n, value, f)
            }
        case .attribute(let obj, let name): try setAttribute(try eval(obj, f), name, value)
        case .subscript(let obj, let index):
            let o = try eval(obj, f)
            try setItem(o, try eval(index, f), value)
        case .tuple(let targets), .list(let targets):
            try unpack(targets, value, f)
        case .starred:
            throw error(ExceptionTypes.syntaxError, "starred assignment target must be in a list or tuple")
        default:
            throw error(ExceptionTypes.syntaxError, "cannot assign to expression")
        }
    }

    func unpack(_ targets: [Expr], _ value: PyObject, _ f: Frame) throws {
        let starIndex = targets.firstIndex { if case .starred = $0.kind { return true } else { return false } }
        if !isIterable(value) {
            throw typeError("cannot unpack non-iterable \(typeName(value)) object")
        }
        let items = try iterateToArray(value)
        if let si = starIndex {
            let before = si
            let after = targets.count - si - 1
            if items.count < before + after {
                throw valueError("not enough values to unpack (expected at least \(before + after), got \(items.count))")
            }
            for i in 0..<before { try assign(targets[i], items[i], f) }
            if case .starred(let inner) = targets[si].kind {
                try assign(inner, PyList(Array(items[before..<(items.count - after)])), f)
            }
            for i in 0..<after { try assign(targets[si + 1 + i], items[items.count - after + i], f) }
            return
        }
        if items.count > targets.count {
            throw valueError("too many values to unpack (expected \(targets.count))")
        }
        if items.count < targets.count {
            throw valueError("not enough values to unpack (expected \(targets.count), got \(items.count))")
        }
        for (t, v) in zip(targets, items) { try assign(t, v, f) }
    }

    func delete(_ target: Expr, _ f: Frame) throws {
        switch target.kind {
        case .name(let n): try deleteName(n, f)
        case .attribute(let obj, let name): try deleteAttribute(try eval(obj, f), name)
        case .subscript(let obj, let index):
            let o = try eval(obj, f)
            try deleteItem(o, try eval(index, f))
        case .tuple(let items), .list(let items): for i in items { try delete(i, f) }
        default: throw error(ExceptionTypes.syntaxError, "cannot delete expression")
        }
    }
}
