/// Declares methods and properties of a native class whose instances are one Swift type, with
/// the receiver checked and the process layer's errors turned into CPython's exceptions.
struct NativeClassBuilder<Value: PyObject> {
    let cls: PyClass

    init(_ cls: PyClass, _ type: Value.Type) { self.cls = cls }

    func receiver(_ interp: Interpreter, _ o: PyObject?) throws -> Value {
        if let v = o as? Value { return v }
        if let inst = o as? PyInstance, let v = inst.builtinValue as? Value { return v }
        throw interp.typeError("descriptor requires a '\(cls.name)' object but received '\(o.map { interp.typeName($0) } ?? "nothing")'")
    }

    func method(_ name: String, _ parameters: [String] = [], _ body: @escaping (Interpreter, Value, NativeArguments) throws -> PyObject) {
        let owner = cls.name
        cls.dict[name] = PyNativeFunction(name, owner: owner, isMethod: true) { interp, args in
            let a = try NativeArguments(interp, args, function: name, parameters: parameters, dropSelf: true)
            let me = try receiver(interp, a.selfObject)
            do {
                return try body(interp, me, a)
            } catch {
                throw interp.mpError(error)
            }
        }
    }

    func property(_ name: String, get: @escaping (Interpreter, Value) throws -> PyObject,
                  set: ((Interpreter, Value, PyObject) throws -> Void)? = nil) {
        let getter = PyNativeFunction(name) { interp, args in
            do { return try get(interp, try receiver(interp, args.positional.first)) } catch { throw interp.mpError(error) }
        }
        let setter = set.map { s in
            PyNativeFunction(name) { interp, args in
                do {
                    try s(interp, try receiver(interp, args.positional.first), args.positional.count > 1 ? args.positional[1] : PyNone.shared)
                } catch {
                    throw interp.mpError(error)
                }
                return PyNone.shared
            }
        }
        cls.dict[name] = PyProperty(getter: getter, setter: setter, deleter: nil)
    }

    /// Special methods (see `installDunders`): the body gets the receiver and the other arguments.
    func dunders(_ interp: Interpreter, _ bodies: [String: (Interpreter, Value, [PyObject]) throws -> PyObject]) throws {
        var wrapped: [String: NativeBody] = [:]
        for (name, body) in bodies {
            wrapped[name] = { interp, args in
                let me = try receiver(interp, args.positional.first)
                do {
                    return try body(interp, me, Array(args.positional.dropFirst()))
                } catch {
                    throw interp.mpError(error)
                }
            }
        }
        try interp.installDunders(on: cls, wrapped)
    }
}
