extension Interpreter {
    func makeFunction(_ code: FunctionCode, _ f: Frame) throws -> PyFunction {
        var defaults: [PyObject] = []
        for p in code.parameters.positional { if let d = p.defaultValue { defaults.append(try eval(d, f)) } }
        var kwDefaults: [String: PyObject] = [:]
        for p in code.parameters.keywordOnly { if let d = p.defaultValue { kwDefaults[p.name] = try eval(d, f) } }
        let closure: Environment?
        if f.scope != nil || f.comprehensionOuter != nil { closure = f.env }
        else if f.isClassBody { closure = f.env.parent }
        else { closure = nil }
        let fn = PyFunction(code: code, defaults: defaults, keywordDefaults: kwDefaults, closure: closure, globals: f.globals, moduleName: "__main__")
        fn.fileName = f.fileName
        return fn
    }

    /// `positionalArity`: the number of arguments when all are plain positional (from the
    /// parser, `Expr.positionalCallArity`), else -1.
    func evalCall(_ fnExpr: Expr, _ argExprs: [CallArgument], _ f: Frame, positionalArity: Int = -1) throws -> PyObject {
        // `super()` with no arguments needs the calling frame's class and first argument.
        if argExprs.isEmpty, case .name(let n) = fnExpr.kind, n == "super", builtins["super"] === (try? lookup("super", f)) {
            return try zeroArgSuper(f)
        }
        let fn = try eval(fnExpr, f)
        if positionalArity >= 0 {
            if let pf = fn as? PyFunction, pf.code.simplePositionalArity == positionalArity {
                let env = try evalArgumentsIntoSlots(pf, argExprs, f, receiver: nil)
                return try runFunction(pf, env, definingClass: nil, fromPython: true)
            }
            if let bm = fn as? PyBoundMethod, let pf = bm.function as? PyFunction,
               pf.code.simplePositionalArity == positionalArity + 1 {
                let env = try evalArgumentsIntoSlots(pf, argExprs, f, receiver: bm.receiver)
                return try runFunction(pf, env, definingClass: nil, fromPython: true)
            }
        }
        // A bound method (`items.append(x)`) gets its receiver first in the argument array as it
        // is built, rather than inserted afterwards by `call` (a copy of the array per call).
        let method = fn as? PyBoundMethod
        var args = CallArgs()
        args.positional.reserveCapacity(argExprs.count + (method == nil ? 0 : 1))
        if let method { args.positional.append(method.receiver) }
        for a in argExprs {
            switch a {
            case .positional(let e): args.positional.append(try eval(e, f))
            case .star(let e):
                let v = try eval(e, f)
                if !isIterable(v) {
                    throw typeError("\(try callableName(fn)) argument after * must be an iterable, not \(typeName(v))")
                }
                args.positional += try iterateToArray(v)
            case .keyword(let k, let e): args.keywords.append((k, try eval(e, f)))
            case .doubleStar(let e):
                let v = try eval(e, f)
                guard let d = v as? PyDict else {
                    throw typeError("\(try callableName(fn)) argument after ** must be a mapping, not \(typeName(v))")
                }
                for k in dictKeys(d) {
                    guard let ks = k as? PyString else { throw typeError("keywords must be strings") }
                    if args.keywords.contains(where: { $0.0 == ks.value }) {
                        throw typeError("\(try callableName(fn)) got multiple values for keyword argument '\(ks.value)'")
                    }
                    args.keywords.append((ks.value, try dictGet(d, k)!))
                }
            }
        }
        if let method {
            // What `call` does for a bound method, with the receiver already in place.
            if let native = method.function as? PyNativeFunction { return try native.body(self, args) }
            if let pf = method.function as? PyFunction {
                return try callFunction(pf, args, definingClass: nil, fromPython: true)
            }
            return try call(method.function, args)
        }
        // Builtins (`len`, `range`) directly, not through `call`'s chain of casts.
        if let native = fn as? PyNativeFunction { return try native.body(self, args) }
        return try call(fn, args, fromPython: true)
    }

    /// The call fast path: a function whose parameters are all plain positional ones, called
    /// with exactly that many positional arguments, gets its arguments evaluated straight into
    /// its local slots (no `CallArgs` array, no binding pass). The caller has checked that
    /// every argument is positional (`Expr.positionalCallArity`) and that the function takes
    /// exactly that many, plus one for a bound method's `receiver`, which goes first.
    @inline(__always)
    func evalArgumentsIntoSlots(_ fn: PyFunction, _ argExprs: [CallArgument], _ f: Frame, receiver: PyObject?) throws -> Environment {
        let code = fn.code
        let env = Environment(function: code, parent: fn.closure)
        let targets = code.positionalSlots
        var next = 0
        if let receiver {
            env.setSlot(targets[0], receiver)
            next = 1
        }
        for a in argExprs {
            if case .positional(let e) = a { env.setSlot(targets[next], try eval(e, f)) }
            next += 1
        }
        return env
    }

    func callableName(_ fn: PyObject) throws -> String {
        switch fn {
        case let f as PyFunction: return f.qualifiedName + "()"
        case let b as PyBoundMethod: return try callableName(b.function)
        case let n as PyNativeFunction: return n.name + "()"
        case let c as PyClass: return c.name + "()"
        default: return typeName(fn) + " object"
        }
    }

    func zeroArgSuper(_ f: Frame) throws -> PyObject {
        guard f.scope != nil, let code = f.code else {
            throw error(ExceptionTypes.runtimeError, "super(): no arguments")
        }
        guard let firstName = code.parameters.positional.first?.name, let first = f.env.get(firstName) else {
            throw error(ExceptionTypes.runtimeError, "super(): no arguments")
        }
        guard let cls = f.definingClass else {
            throw error(ExceptionTypes.runtimeError, "super(): __class__ cell not found")
        }
        return PySuper(startAfter: cls, object: first)
    }

    /// Calls any callable object.
    /// `fromPython` is true for a call written in Python code; calls made by native code
    /// (special methods, `sorted(key=...)`) report recursion as CPython's C calls do.
    func call(_ fn: PyObject, _ args: CallArgs, fromPython: Bool = false) throws -> PyObject {
        switch fn {
        case let f as PyFunction:
            return try callFunction(f, args, definingClass: nil, fromPython: fromPython)
        case let b as PyBoundMethod:
            if let f = b.function as? PyFunction, args.keywords.isEmpty,
               f.code.simplePositionalArity == args.positional.count + 1 {
                // The receiver and the arguments go straight into the slots (no array insert).
                let env = Environment(function: f.code, parent: f.closure)
                let targets = f.code.positionalSlots
                env.setSlot(targets[0], b.receiver)
                for (i, v) in args.positional.enumerated() { env.setSlot(targets[i + 1], v) }
                return try runFunction(f, env, definingClass: nil, fromPython: fromPython)
            }
            var a = args
            a.positional.insert(b.receiver, at: 0)
            if let f = b.function as? PyFunction {
                return try callFunction(f, a, definingClass: nil, fromPython: fromPython)
            }
            return try call(b.function, a)
        case let n as PyNativeFunction:
            return try n.body(self, args)
        case let c as PyClass:
            return try instantiate(c, args)
        case let w as PyLruCacheWrapper:
            return try w.call(self, args)
        default:
            if let m = specialMethod(fn, "__call__") {
                var a = args
                a.positional.insert(fn, at: 0)
                return try call(m, a)
            }
            throw typeError(Messages.notCallable(typeName(fn)))
        }
    }

    /// The class in whose body `f` was defined (for zero-argument `super()`).
    func definingClass(of f: PyFunction, in cls: PyClass) -> PyClass? {
        for k in cls.mro {
            for v in k.dict.values {
                if v === f { return k }
                if let cm = v as? PyClassMethod, cm.function === f { return k }
                if let sm = v as? PyStaticMethod, sm.function === f { return k }
                if let p = v as? PyProperty, p.getter === f || p.setter === f { return k }
            }
        }
        return nil
    }

    func instantiate(_ c: PyClass, _ args: CallArgs) throws -> PyObject {
        if c.isBuiltin {
            if let ctor = c.constructor { return try ctor(self, args) }
            if c.isSubclass(of: ExceptionTypes.baseException) {
                if let k = args.keywords.first { throw typeError("\(c.name)() takes no keyword arguments" + (k.0.isEmpty ? "" : "")) }
                return newException(c, args.positional)
            }
            if c === BuiltinTypes.object { return PyInstance(cls: c) }
            throw typeError("cannot create '\(c.name)' instances")
        }
        if let newFn = c.lookup("__new__"), let nf = newFn as? PyFunction ?? (newFn as? PyStaticMethod)?.function as? PyFunction {
            var a = args
            a.positional.insert(c, at: 0)
            let obj = try callFunction(nf, a, definingClass: nil)
            if obj.pyClass.isSubclass(of: c), let initFn = c.lookup("__init__"), initFn is PyFunction {
                var ia = args
                ia.positional.insert(obj, at: 0)
                _ = try call(initFn, ia)
            }
            return obj
        }
        let abstract = abstractMethods(of: c)
        if !abstract.isEmpty {
            let plural = abstract.count == 1 ? "method" : "methods"
            throw typeError("Can't instantiate abstract class \(c.name) with abstract \(plural) \(abstract.joined(separator: ", "))")
        }
        let obj: PyInstance
        if c.isSubclass(of: ExceptionTypes.baseException) {
            let e = PyExceptionObject(cls: c)
            e.args = args.positional
            obj = e
        } else {
            obj = PyInstance(cls: c)
            // Subclasses of list/dict/set/str/int keep a builtin value that the builtin
            // operations and inherited methods work on.
            if let base = c.mro.first(where: { $0.isBuiltin && $0.constructor != nil && $0 !== BuiltinTypes.object }),
               let ctor = base.constructor {
                let hasInit = c.lookup("__init__") is PyFunction
                obj.builtinValue = try ctor(self, hasInit ? CallArgs() : args)
            }
        }
        if let initFn = c.lookup("__init__"), initFn is PyFunction {
            var a = args
            a.positional.insert(obj, at: 0)
            let r = try call(initFn, a)
            if !(r is PyNone) { throw typeError("__init__() should return None, not '\(typeName(r))'") }
        } else if !(obj is PyExceptionObject) && (!args.positional.isEmpty || !args.keywords.isEmpty) && obj.builtinValue == nil {
            throw typeError("\(c.name)() takes no arguments")
        }
        return obj
    }

    /// Binds arguments to parameters (CPython's rules and messages) and runs the function body,
    /// or creates a generator object when the function contains `yield`.
    func callFunction(_ fn: PyFunction, _ args: CallArgs, definingClass: PyClass?, fromPython: Bool = false) throws -> PyObject {
        let env = Environment(function: fn.code, parent: fn.closure)
        try bindArguments(fn, args, env)
        return try runFunction(fn, env, definingClass: definingClass, fromPython: fromPython)
    }

    /// Runs a function whose arguments are bound in `env` (or creates its generator).
    func runFunction(_ fn: PyFunction, _ env: Environment, definingClass: PyClass?, fromPython: Bool) throws -> PyObject {
        let code = fn.code
        let frame = Frame(function: code, fileName: fn.fileName, env: env, globals: fn.globals,
                          definingClass: fn.definingClass ?? definingClass)
        if code.scope.isGenerator {
            return PyGenerator(frame: frame, code: code)
        }
        try enterCall(while: fromPython ? "" : " while calling a Python object")
        defer { callDepth -= 1 }
        do {
            let c = try execBlock(code.body, frame)
            if case .returned(let v) = c { return v }
            return PyNone.shared
        } catch let e as PyError {
            e.exception.addTraceback(frame)
            throw e
        }
    }

    func fileName(of fn: PyFunction) -> String { fn.fileName }

    func bindArguments(_ fn: PyFunction, _ args: CallArgs, _ env: Environment) throws {
        let params = fn.code.parameters
        let positional = params.positional
        let name = fn.qualifiedName
        let given = args.positional
        let fast = params.varArgs == nil && params.varKeywords == nil && params.keywordOnly.isEmpty && args.keywords.isEmpty
        if fast && given.count == positional.count {
            let slots = fn.code.positionalSlots
            for i in 0..<given.count { env.setSlot(slots[i], given[i]) }
            return
        }
        if given.count > positional.count && params.varArgs == nil {
            let required = positional.count - fn.defaults.count
            let kwGiven = args.keywords.filter { k in params.keywordOnly.contains { $0.name == k.0 } }.count
            let takes: String
            if fn.defaults.isEmpty {
                takes = "\(positional.count) positional argument\(positional.count == 1 ? "" : "s")"
            } else {
                takes = "from \(required) to \(positional.count) positional arguments"
            }
            let kwPart = kwGiven > 0 ? " positional argument\(given.count == 1 ? "" : "s") (and \(kwGiven) keyword-only argument\(kwGiven == 1 ? "" : "s"))" : ""
            if kwGiven > 0 {
                throw typeError("\(name)() takes \(takes) but \(given.count)\(kwPart) were given")
            }
            throw typeError("\(name)() takes \(takes) but \(given.count) \(given.count == 1 ? "was" : "were") given")
        }
        for i in 0..<min(given.count, positional.count) { env.set(positional[i].name, given[i]) }
        if let va = params.varArgs {
            env.set(va, PyTuple(given.count > positional.count ? Array(given[positional.count...]) : []))
        }
        var extra: PyDict?
        if params.varKeywords != nil { extra = PyDict() }
        for (k, v) in args.keywords {
            if let idx = positional.firstIndex(where: { $0.name == k }), idx >= params.positionalOnly.count {
                if env.get(k) != nil { throw typeError("\(name)() got multiple values for argument '\(k)'") }
                env.set(k, v)
            } else if params.keywordOnly.contains(where: { $0.name == k }) {
                env.set(k, v)
            } else if let extra {
                try dictSet(extra, PyString(k), v)
            } else {
                if positional.prefix(params.positionalOnly.count).contains(where: { $0.name == k }) {
                    throw typeError("\(name)() got some positional-only arguments passed as keyword arguments: '\(k)'")
                }
                throw typeError("\(name)() got an unexpected keyword argument '\(k)'")
            }
        }
        if let vk = params.varKeywords, let extra { env.set(vk, extra) }
        // Defaults and missing arguments.
        let firstDefault = positional.count - fn.defaults.count
        var missing: [String] = []
        for (i, p) in positional.enumerated() where env.get(p.name) == nil {
            if i >= firstDefault { env.set(p.name, fn.defaults[i - firstDefault]) } else { missing.append(p.name) }
        }
        if !missing.isEmpty {
            throw typeError("\(name)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(quotedList(missing))")
        }
        var missingKw: [String] = []
        for p in params.keywordOnly where env.get(p.name) == nil {
            if let d = fn.keywordDefaults[p.name] { env.set(p.name, d) } else { missingKw.append(p.name) }
        }
        if !missingKw.isEmpty {
            throw typeError("\(name)() missing \(missingKw.count) required keyword-only argument\(missingKw.count == 1 ? "" : "s"): \(quotedList(missingKw))")
        }
    }

    func quotedList(_ names: [String]) -> String {
        let q = names.map { "'\($0)'" }
        if q.count == 1 { return q[0] }
        if q.count == 2 { return q[0] + " and " + q[1] }
        return q.dropLast().joined(separator: ", ") + ", and " + q.last!
    }
}
