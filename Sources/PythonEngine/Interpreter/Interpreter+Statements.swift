extension Interpreter {
    /// Runs a block. When a generator resumes, the block's entry on the resume path says which
    /// statement to re-enter; when a statement yields, the block records its position.
    func execBlock(_ stmts: [Stmt], _ f: Frame) throws -> Completion {
        var i = 0
        if f.isResuming, case .block(let k) = f.resumePath.last {
            f.resumePath.removeLast()
            i = k
        }
        while i < stmts.count {
            let c = try exec(stmts[i], f)
            switch c {
            case .normal: i += 1
            case .yielded:
                f.resumePath.append(.block(i))
                return c
            default: return c
            }
        }
        return .normal
    }

    func exec(_ s: Stmt, _ f: Frame) throws -> Completion {
        f.line = s.line
        try tick()
        switch s.kind {
        case .expr(let e):
            switch e.kind {
            case .yield(let v): return try execYield(v, targets: [], f)
            case .yieldFrom(let v): return try execYieldFrom(v, targets: [], f)
            default:
                _ = try eval(e, f)
                return .normal
            }
        case .assign(let targets, let value):
            switch value.kind {
            case .yield(let v): return try execYield(v, targets: targets, f)
            case .yieldFrom(let v): return try execYieldFrom(v, targets: targets, f)
            default: break
            }
            let v = try eval(value, f)
            for t in targets { try assign(t, v, f) }
            return .normal
        case .augAssign(let target, let op, let value):
            try execAugAssign(target, op, value, f)
            return .normal
        case .annAssign(let target, let annotation, let value):
            if let v = value { try assign(target, try eval(v, f), f) }
            // Class bodies and modules evaluate and record simple annotations (dataclasses read them).
            if f.scope == nil, f.comprehensionOuter == nil, case .name(let n) = target.kind {
                let annotations: PyDict
                if let existing = f.env.values["__annotations__"] as? PyDict { annotations = existing } else {
                    annotations = PyDict()
                    f.env.values["__annotations__"] = annotations
                }
                try dictSet(annotations, PyString(n), try eval(annotation, f))
            }
            return .normal
        case .if:
            return try execIf(s, f)
        case .while(let test, let body, let orElse):
            return try execWhile(s, test, body, orElse, f)
        case .for(let target, let iter, let body, let orElse):
            return try execFor(s, target, iter, body, orElse, f)
        case .return(let e):
            return .returned(try e.map { try eval($0, f) } ?? PyNone.shared)
        case .pass, .global, .nonlocal:
            return .normal
        case .break: return .breakLoop
        case .continue: return .continueLoop
        case .functionDef(let code, let decorators):
            var fn: PyObject = try makeFunction(code, f)
            for d in decorators.reversed() {
                fn = try call(try eval(d, f), CallArgs([fn]))
            }
            try assignName(code.name, fn, f)
            return .normal
        case .classDef(let cd):
            try execClassDef(cd, f)
            return .normal
        case .delete(let targets):
            for t in targets { try delete(t, f) }
            return .normal
        case .raise(let exc, let cause):
            try execRaise(exc, cause, f, statement: s)
            return .normal
        case .assert(let test, let message):
            if !(try truthy(try eval(test, f))) {
                let args = try message.map { [try eval($0, f)] } ?? []
                let exc = newException(ExceptionTypes.assertionError, args)
                // CPython 3.11 locates a failed assert at a comparison test, otherwise at the
                // whole statement (so a lone `assert x` line gets no carets).
                if case .compare = test.kind {
                    exc.pendingCaret = CaretSpan(test)
                } else {
                    exc.pendingCaret = CaretSpan(line: s.line, column: s.column, through: message ?? test)
                }
                throw PyError(exception: exc)
            }
            return .normal
        case .import(let aliases):
            for a in aliases {
                let module = try importModule(a.name)
                if let asName = a.asName {
                    try assignName(asName, module, f)
                } else {
                    let top = String(a.name.split(separator: ".")[0])
                    try assignName(top, try importModule(top), f)
                }
            }
            return .normal
        case .importFrom(let moduleName, let names, let level):
            if level > 0 { throw error(ExceptionTypes.importError, "attempted relative import with no known parent package") }
            let module = try importModule(moduleName)
            for a in names {
                if a.name == "*" {
                    for (k, v) in module.dict where !k.hasPrefix("_") { try assignName(k, v, f) }
                    continue
                }
                guard let v = module.dict[a.name] else {
                    if let sub = try? importModule(moduleName + "." + a.name) {
                        try assignName(a.asName ?? a.name, sub, f)
                        continue
                    }
                    throw error(ExceptionTypes.importError, "cannot import name '\(a.name)' from '\(moduleName)' (unknown location)")
                }
                try assignName(a.asName ?? a.name, v, f)
            }
            return .normal
        case .with(let items, let body):
            return try execWith(items, body, f)
        case .try(let body, let handlers, let orElse, let finally):
            return try execTry(body, handlers, orElse, finally, f)
        }
    }

    func execAugAssign(_ target: Expr, _ op: BinaryOp, _ value: Expr, _ f: Frame) throws {
        switch target.kind {
        case .name:
            let old = try eval(target, f)
            let v = try eval(value, f)
            if let x = old as? PyInt, let y = v as? PyInt, x.big == nil, y.big == nil, !(old is PyBool),
               let r = try smallIntOp(op, x.small, y.small) {
                try assign(target, r, f)
                return
            }
            try assign(target, try inPlaceOp(op, old, v), f)
        case .attribute(let objExpr, let name):
            let obj = try eval(objExpr, f)
            let old = try spanned(target) { try getAttribute(obj, name) }
            let v = try eval(value, f)
            let result = try inPlaceOp(op, old, v)
            try spanned(target) { try setAttribute(obj, name, result) }
        case .subscript(let objExpr, let indexExpr):
            let obj = try eval(objExpr, f)
            let index = try eval(indexExpr, f)
            let old = try spanned(target) { try getItem(obj, index) }
            let v = try eval(value, f)
            let result = try inPlaceOp(op, old, v)
            try spanned(target) { try setItem(obj, index, result) }
        default:
            throw error(ExceptionTypes.syntaxError, "illegal expression for augmented assignment")
        }
    }

    func execIf(_ s: Stmt, _ f: Frame) throws -> Completion {
        guard case .if(let test, let body, let orElse) = s.kind else { return .normal }
        var branch: Int
        if f.isResuming, case .ifBranch(let k) = f.resumePath.last {
            f.resumePath.removeLast()
            branch = k
        } else {
            branch = try truthy(try eval(test, f)) ? 0 : 1
        }
        let c = try execBlock(branch == 0 ? body : orElse, f)
        if case .yielded = c { f.resumePath.append(.ifBranch(branch)) }
        return c
    }

    /// Marker for a generator suspended inside a loop's `else` block.
    static let loopElseMarker = 99

    func execWhile(_ s: Stmt, _ test: Expr, _ body: [Stmt], _ orElse: [Stmt], _ f: Frame) throws -> Completion {
        var resumingBody = false
        if f.isResuming {
            let top = f.resumePath.removeLast()
            if case .ifBranch = top {
                let c = try execBlock(orElse, f)
                if case .yielded = c { f.resumePath.append(.ifBranch(Interpreter.loopElseMarker)) }
                return c
            }
            resumingBody = true
        }
        while true {
            if !resumingBody {
                f.line = s.line
                if !(try truthy(try eval(test, f))) {
                    let c = try execBlock(orElse, f)
                    if case .yielded = c { f.resumePath.append(.ifBranch(Interpreter.loopElseMarker)) }
                    return c
                }
                try tick()
            }
            resumingBody = false
            let c = try execBlock(body, f)
            switch c {
            case .normal, .continueLoop: continue
            case .breakLoop: return .normal
            case .returned: return c
            case .yielded:
                f.resumePath.append(.whileLoop)
                return c
            }
        }
    }

    func execFor(_ s: Stmt, _ target: Expr, _ iterExpr: Expr, _ body: [Stmt], _ orElse: [Stmt], _ f: Frame) throws -> Completion {
        var iterator: PyObject
        var resumingBody = false
        if f.isResuming {
            let top = f.resumePath.removeLast()
            switch top {
            case .forLoop(let it):
                iterator = it
                resumingBody = true
            default:
                let c = try execBlock(orElse, f)
                if case .yielded = c { f.resumePath.append(.ifBranch(Interpreter.loopElseMarker)) }
                return c
            }
        } else {
            iterator = try getIterator(try eval(iterExpr, f))
        }
        while true {
            if !resumingBody {
                f.line = s.line
                guard let item = try nextItem(iterator) else {
                    let c = try execBlock(orElse, f)
                    if case .yielded = c { f.resumePath.append(.ifBranch(Interpreter.loopElseMarker)) }
                    return c
                }
                try tick()
                try assign(target, item, f)
            }
            resumingBody = false
            let c: Completion
            do {
                c = try execBlock(body, f)
            } catch {
                try closeAbandonedGenerator(&iterator)
                throw error
            }
            switch c {
            case .normal, .continueLoop: continue
            case .breakLoop:
                try closeAbandonedGenerator(&iterator)
                return .normal
            case .returned:
                try closeAbandonedGenerator(&iterator)
                return c
            case .yielded:
                f.resumePath.append(.forLoop(iterator: iterator))
                return c
            }
        }
    }

    /// CPython closes a generator as soon as its last reference goes away (running its
    /// `finally` blocks), e.g. right after `break` out of `for x in gen():`. Swift's reference
    /// count tells us when the loop held the only reference, so the same cleanup runs at the
    /// same moment.
    func closeAbandonedGenerator(_ iterator: inout PyObject) throws {
        guard var gen = iterator as? PyGenerator, gen.started, !gen.finished, !gen.running else { return }
        iterator = PyNone.shared
        // Other references (a variable holding the generator) keep it alive, as in CPython.
        guard isKnownUniquelyReferenced(&gen) else { return }
        do {
            let step = try stepGenerator(gen, send: PyNone.shared, throwing: newException(ExceptionTypes.generatorExit, []))
            if case .yielded = step { throw error(ExceptionTypes.runtimeError, "generator ignored GeneratorExit") }
        } catch let e as PyError where e.exception.cls.isSubclass(of: ExceptionTypes.generatorExit) || e.exception.cls.isSubclass(of: ExceptionTypes.stopIteration) {
        }
        gen.finished = true
    }

    func execRaise(_ excExpr: Expr?, _ causeExpr: Expr?, _ f: Frame, statement: Stmt? = nil) throws {
        guard let excExpr else {
            if let active = handledExceptions.last { throw PyError(exception: active) }
            throw error(ExceptionTypes.runtimeError, "No active exception to reraise")
        }
        let exc = try makeExceptionInstance(try eval(excExpr, f))
        if let causeExpr {
            let c = try eval(causeExpr, f)
            if c is PyNone {
                exc.cause = nil
            } else {
                exc.cause = try makeExceptionInstance(c, forCause: true)
            }
            exc.suppressContext = true
        }
        if let active = handledExceptions.last, active !== exc, exc.context == nil { exc.context = active }
        // CPython underlines the whole `raise ...` statement (shown only when it shares its line).
        if let statement, let last = causeExpr ?? Optional(excExpr) {
            exc.pendingCaret = CaretSpan(line: statement.line, column: statement.column, through: last)
        }
        throw PyError(exception: exc)
    }

    /// `raise X`: X may be an exception class (instantiated with no arguments) or instance.
    func makeExceptionInstance(_ v: PyObject, forCause: Bool = false) throws -> PyExceptionObject {
        if let e = v as? PyExceptionObject { return e }
        if let c = v as? PyClass, c.isSubclass(of: ExceptionTypes.baseException) {
            if let e = try call(c, CallArgs()) as? PyExceptionObject { return e }
        }
        if forCause { throw typeError("exception causes must derive from BaseException") }
        throw typeError("exceptions must derive from BaseException")
    }

    func exceptionMatches(_ e: PyExceptionObject, _ spec: PyObject) throws -> Bool {
        if let c = spec as? PyClass {
            guard c.isSubclass(of: ExceptionTypes.baseException) else {
                throw typeError("catching classes that do not inherit from BaseException is not allowed")
            }
            return e.cls.isSubclass(of: c)
        }
        if let t = spec as? PyTuple {
            try enterCall()
            defer { callDepth -= 1 }
            for item in t.items where try exceptionMatches(e, item) { return true }
            return false
        }
        throw typeError("catching classes that do not inherit from BaseException is not allowed")
    }

    func execTry(_ body: [Stmt], _ handlers: [ExceptHandler], _ orElse: [Stmt], _ finally: [Stmt], _ f: Frame) throws -> Completion {
        var resumePoint: ResumePoint?
        if f.isResuming { resumePoint = f.resumePath.removeLast() }
        var pending = PendingCompletion.none
        var skipToFinally = false
        if case .tryFinally(let p)? = resumePoint {
            pending = p
            skipToFinally = true
        }
        if !skipToFinally {
            do {
                let (c, marker) = try execTryMain(body, handlers, orElse, resumePoint, f)
                if case .yielded = c, let marker {
                    f.resumePath.append(marker)
                    return c
                }
                pending = .completion(c)
            } catch let e as PyError {
                pending = .error(e)
            }
        }
        if !finally.isEmpty {
            let fc: Completion
            do {
                fc = try execBlock(finally, f)
            } catch let e as PyError {
                if case .error(let prior as PyError) = pending, prior.exception !== e.exception, e.exception.context == nil {
                    e.exception.context = prior.exception
                }
                throw e
            }
            if case .yielded = fc {
                f.resumePath.append(.tryFinally(pending: pending))
                return fc
            }
            if case .normal = fc {} else { return fc }
        }
        switch pending {
        case .none: return .normal
        case .completion(let c): return c
        case .error(let e): throw e
        }
    }

    /// The try body, the matching handler or the else block; returns the resume marker to record
    /// if the generator yields inside one of them.
    func execTryMain(_ body: [Stmt], _ handlers: [ExceptHandler], _ orElse: [Stmt], _ resume: ResumePoint?, _ f: Frame) throws -> (Completion, ResumePoint?) {
        switch resume {
        case .tryHandler(let k, let exc)?:
            return (try runHandler(handlers[k], k, exc, f), .tryHandler(k, exc))
        case .tryElse?:
            return (try execBlock(orElse, f), .tryElse)
        default: break
        }
        do {
            let c = try execBlock(body, f)
            if case .yielded = c { return (c, .tryBody) }
            if case .normal = c {} else { return (c, nil) }
        } catch let e as PyError {
            e.exception.addTraceback(f)
            for (k, h) in handlers.enumerated() {
                if let typeExpr = h.type {
                    let spec = try eval(typeExpr, f)
                    if !(try exceptionMatches(e.exception, spec)) { continue }
                }
                return (try runHandler(h, k, e.exception, f), .tryHandler(k, e.exception))
            }
            throw e
        }
        return (try execBlock(orElse, f), .tryElse)
    }

    func runHandler(_ h: ExceptHandler, _ k: Int, _ exc: PyExceptionObject, _ f: Frame) throws -> Completion {
        if let name = h.name, !f.isResuming { try assignName(name, exc, f) }
        handledExceptions.append(exc)
        defer { handledExceptions.removeLast() }
        do {
            let c = try execBlock(h.body, f)
            if case .yielded = c { return c }
            if let name = h.name { try? deleteName(name, f) }
            return c
        } catch let e as PyError {
            if e.exception !== exc && e.exception.context == nil { e.exception.context = exc }
            if let name = h.name { try? deleteName(name, f) }
            throw e
        }
    }

    func execWith(_ items: [WithItem], _ body: [Stmt], _ f: Frame) throws -> Completion {
        var exits: [PyObject] = []
        if f.isResuming, case .withBody(let e) = f.resumePath.last {
            f.resumePath.removeLast()
            exits = e
        } else {
            for item in items {
                let mgr = try eval(item.context, f)
                guard let enter = try getAttributeOrNil(mgr, "__enter__"), let exit = try getAttributeOrNil(mgr, "__exit__") else {
                    throw typeError("'\(typeName(mgr))' object does not support the context manager protocol")
                }
                let v = try call(enter, CallArgs())
                exits.append(exit)
                if let t = item.target { try assign(t, v, f) }
            }
        }
        let c: Completion
        do {
            c = try execBlock(body, f)
        } catch let e as PyError {
            e.exception.addTraceback(f)
            var suppressed = false
            for exit in exits.reversed() {
                let r = try call(exit, CallArgs([e.exception.cls, e.exception, PyNone.shared]))
                if try truthy(r) { suppressed = true; break }
            }
            if suppressed { return .normal }
            throw e
        }
        if case .yielded = c {
            f.resumePath.append(.withBody(exits: exits))
            return c
        }
        for exit in exits.reversed() {
            _ = try call(exit, CallArgs([PyNone.shared, PyNone.shared, PyNone.shared]))
        }
        return c
    }

    func execYield(_ valueExpr: Expr?, targets: [Expr], _ f: Frame) throws -> Completion {
        if f.isResuming {
            f.resumePath.removeLast()
            if let exc = f.throwValue {
                f.throwValue = nil
                throw PyError(exception: exc)
            }
            let sent = f.sendValue
            for t in targets { try assign(t, sent, f) }
            return .normal
        }
        let v = try valueExpr.map { try eval($0, f) } ?? PyNone.shared
        f.resumePath.append(.yieldPoint)
        return .yielded(v)
    }

    func execYieldFrom(_ source: Expr, targets: [Expr], _ f: Frame) throws -> Completion {
        var iterator: PyObject
        var result: GeneratorStep
        if f.isResuming, case .yieldFrom(let it) = f.resumePath.last {
            f.resumePath.removeLast()
            iterator = it
            if let exc = f.throwValue {
                f.throwValue = nil
                if let g = it as? PyGenerator {
                    result = try stepGenerator(g, send: PyNone.shared, throwing: exc)
                } else {
                    throw PyError(exception: exc)
                }
            } else if let g = it as? PyGenerator {
                result = try stepGenerator(g, send: f.sendValue, throwing: nil)
            } else {
                result = try nextItem(it).map { .yielded($0) } ?? .returned(PyNone.shared)
            }
        } else {
            iterator = try getIterator(try eval(source, f))
            if let g = iterator as? PyGenerator {
                result = try stepGenerator(g, send: PyNone.shared, throwing: nil)
            } else {
                result = try nextItem(iterator).map { .yielded($0) } ?? .returned(PyNone.shared)
            }
        }
        switch result {
        case .yielded(let v):
            f.resumePath.append(.yieldFrom(iterator: iterator))
            return .yielded(v)
        case .returned(let v):
            for t in targets { try assign(t, v, f) }
            return .normal
        }
    }

    func execClassDef(_ cd: ClassDef, _ f: Frame) throws {
        var bases: [PyClass] = []
        for arg in cd.bases {
            switch arg {
            case .positional(let e):
                let b = try eval(e, f)
                guard let c = b as? PyClass else { throw typeError("bases must be types") }
                bases.append(c)
            case .keyword(let k, _):
                if k == "metaclass" {
                    throw error(ExceptionTypes.notImplementedError, "metaclasses (class \(cd.name), line \(f.line)) are not supported by this Python engine")
                }
                throw typeError("\(cd.name).__init_subclass__() takes no keyword arguments")
            default:
                throw error(ExceptionTypes.notImplementedError, "class bases with * or ** are not supported")
            }
        }
        for b in bases where b.isBuiltin && [BuiltinTypes.bool, BuiltinTypes.range, BuiltinTypes.slice, BuiltinTypes.function].contains(where: { $0 === b }) {
            throw typeError("type '\(b.name)' is not an acceptable base type")
        }
        let env = Environment(parent: f.scope != nil ? f.env : (f.isClassBody ? f.env.parent : nil), scope: nil, isClassBody: true)
        env.values["__module__"] = PyString("__main__")
        let prefix = f.scope != nil ? f.name + ".<locals>." : (f.isClassBody ? f.name + "." : "")
        env.values["__qualname__"] = PyString(prefix + cd.name)
        let frame = Frame(name: prefix + cd.name, fileName: f.fileName, line: f.line, env: env, globals: f.globals, scope: nil, isClassBody: true)
        _ = try execBlock(cd.body, frame)
        let cls = PyClass(name: cd.name, bases: bases.isEmpty ? [BuiltinTypes.object] : bases, module: "__main__", isBuiltin: false)
        if cls.mro.isEmpty {
            throw typeError("Cannot create a consistent method resolution order (MRO) for bases " + bases.map(\.name).joined(separator: ", "))
        }
        cls.qualifiedName = prefix + cd.name
        cls.dict = env.values.dictionary
        // As type.__new__ does: defining __eq__ without __hash__ makes instances unhashable.
        if cls.dict["__eq__"] != nil && cls.dict["__hash__"] == nil { cls.dict["__hash__"] = PyNone.shared }
        for v in cls.dict.values {
            switch v {
            case let fn as PyFunction: fn.definingClass = cls
            case let cm as PyClassMethod: (cm.function as? PyFunction)?.definingClass = cls
            case let sm as PyStaticMethod: (sm.function as? PyFunction)?.definingClass = cls
            case let p as PyProperty:
                for f in [p.getter, p.setter, p.deleter] { (f as? PyFunction)?.definingClass = cls }
            default: break
            }
        }
        if let doc = cd.body.first, case .expr(let e) = doc.kind, case .constant(.str(let s)) = e.kind {
            cls.dict["__doc__"] = PyString(s)
        }
        var result: PyObject = cls
        for d in cd.decorators.reversed() { result = try call(try eval(d, f), CallArgs([result])) }
        if let initSubclass = bases.first?.lookup("__init_subclass__"), initSubclass is PyFunction {
            _ = try call(initSubclass, CallArgs([cls]))
        }
        try assignName(cd.name, result, f)
    }
}
