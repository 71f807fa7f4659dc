/// Generators run on the interpreter's only thread: a suspended generator is its frame plus the
/// resume path recorded by the statements it was inside when it yielded (see `ResumePoint`).
/// Resuming re-enters those statements without re-running what already ran, so there are no
/// threads (the process can fork) and no continuation transform of the AST. The cost is that
/// `yield` must be a statement (`yield x`, `y = yield x`, `yield from g`); a yield nested in a
/// larger expression is reported as unsupported.
enum GeneratorStep {
    case yielded(PyObject)
    case returned(PyObject)
}

extension Interpreter {
    func stepGenerator(_ g: PyGenerator, send: PyObject, throwing: PyExceptionObject?) throws -> GeneratorStep {
        if g.finished {
            if let t = throwing { throw PyError(exception: t) }
            return .returned(PyNone.shared)
        }
        if g.running { throw valueError("generator already executing") }
        if !g.started {
            if let t = throwing {
                g.finished = true
                throw PyError(exception: t)
            }
            if !(send is PyNone) { throw typeError("can't send non-None value to a just-started generator") }
        }
        g.frame.sendValue = send
        g.frame.throwValue = throwing
        g.started = true
        g.running = true
        try enterCall()
        defer {
            g.running = false
            callDepth -= 1
        }
        do {
            let c = try execBlock(g.code.body, g.frame)
            switch c {
            case .yielded(let v): return .yielded(v)
            case .returned(let v):
                g.finished = true
                return .returned(v)
            default:
                g.finished = true
                return .returned(PyNone.shared)
            }
        } catch let e as PyError {
            g.finished = true
            g.frame.resumePath = []
            e.exception.addTraceback(g.frame)
            if e.exception.cls.isSubclass(of: ExceptionTypes.stopIteration) {
                let r = error(ExceptionTypes.runtimeError, "generator raised StopIteration")
                r.exception.context = e.exception
                r.exception.cause = e.exception
                throw r
            }
            throw e
        } catch {
            g.finished = true
            throw error
        }
    }

    /// `next(g)` for iteration: the yielded value, or nil when the generator is done.
    func resumeGenerator(_ g: PyGenerator, send: PyObject) throws -> PyObject? {
        switch try stepGenerator(g, send: send, throwing: nil) {
        case .yielded(let v): return v
        case .returned: return nil
        }
    }

    static func makeGeneratorMethodTable() -> [String: PyObject] {
        func gen(_ interp: Interpreter, _ a: CallArgs, _ name: String) throws -> PyGenerator {
            guard let g = a.positional.first as? PyGenerator else { throw interp.typeError("descriptor '\(name)' requires a 'generator' object") }
            return g
        }
        func finish(_ interp: Interpreter, _ step: GeneratorStep) throws -> PyObject {
            switch step {
            case .yielded(let v): return v
            case .returned(let v):
                throw PyError(exception: interp.newException(ExceptionTypes.stopIteration, v is PyNone ? [] : [v]))
            }
        }
        return [
            "__next__": PyNativeFunction("__next__", owner: "generator", isMethod: true) { i, a in
                try finish(i, try i.stepGenerator(try gen(i, a, "__next__"), send: PyNone.shared, throwing: nil))
            },
            "send": PyNativeFunction("send", owner: "generator", isMethod: true) { i, a in
                let g = try gen(i, a, "send")
                guard a.positional.count == 2 else { throw i.typeError("generator.send() takes exactly one argument (\(a.positional.count - 1) given)") }
                return try finish(i, try i.stepGenerator(g, send: a.positional[1], throwing: nil))
            },
            "throw": PyNativeFunction("throw", owner: "generator", isMethod: true) { i, a in
                let g = try gen(i, a, "throw")
                guard a.positional.count >= 2 else { throw i.typeError("throw expected at least 1 argument, got 0") }
                var exc = try i.makeExceptionInstance(a.positional[1])
                if a.positional.count >= 3, let cls = a.positional[1] as? PyClass, !(a.positional[2] is PyNone) {
                    exc = i.newException(cls, [a.positional[2]])
                }
                return try finish(i, try i.stepGenerator(g, send: PyNone.shared, throwing: exc))
            },
            "close": PyNativeFunction("close", owner: "generator", isMethod: true) { i, a in
                let g = try gen(i, a, "close")
                if !g.started || g.finished {
                    g.finished = true
                    return PyNone.shared
                }
                do {
                    let step = try i.stepGenerator(g, send: PyNone.shared, throwing: i.newException(ExceptionTypes.generatorExit, []))
                    if case .yielded = step { throw i.error(ExceptionTypes.runtimeError, "generator ignored GeneratorExit") }
                } catch let e as PyError where e.exception.cls.isSubclass(of: ExceptionTypes.generatorExit) || e.exception.cls.isSubclass(of: ExceptionTypes.stopIteration) {
                }
                g.finished = true
                return PyNone.shared
            },
            "__iter__": PyNativeFunction("__iter__", owner: "generator", isMethod: true) { i, a in try gen(i, a, "__iter__") },
        ]
    }
}
