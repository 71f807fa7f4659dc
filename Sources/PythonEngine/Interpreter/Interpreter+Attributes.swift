extension Interpreter {
    func typeName(_ o: PyObject) -> String { o.pyClass.name }

    /// `getattr(obj, name)` with descriptors: functions bind, properties run, classmethods bind
    /// the class, staticmethods don't bind.
    func getAttribute(_ obj: PyObject, _ name: String) throws -> PyObject {
        if let v = try getAttributeOrNil(obj, name) { return v }
        throw attributeMissing(obj, name)
    }

    func attributeMissing(_ obj: PyObject, _ name: String) -> PyError {
        let error: PyError
        if let m = obj as? PyModule {
            error = attributeError(Messages.moduleNoAttribute(m.name, name))
        } else if let c = obj as? PyClass {
            error = attributeError(Messages.typeNoAttribute(c.name, name))
        } else {
            error = attributeError(Messages.noAttribute(typeName(obj), name))
        }
        error.exception.suggestionContext = .attribute(obj, name)
        return error
    }

    func getAttributeOrNil(_ obj: PyObject, _ name: String) throws -> PyObject? {
        if let method = builtinValueMethod(obj, name) { return method }
        if let m = obj as? PyModule {
            if let v = m.dict[name] { return v }
            if name == "__name__" { return PyString(m.name) }
            if name == "__dict__" { return dictFromStrings(m.dict) }
            return nil
        }
        if let c = obj as? PyClass { return try classAttribute(c, name) }
        if let s = obj as? PySuper { return try superAttribute(s, name) }
        let cls = obj.pyClass
        let classAttr = cls.lookup(name)
        if let p = classAttr as? PyProperty {
            guard let g = p.getter else { throw attributeError("property '\(name)' of '\(cls.name)' object has no getter") }
            return try call(g, CallArgs([obj]))
        }
        if let inst = obj as? PyInstance, let v = inst.attributes[name] { return v }
        if let f = obj as? PyFunction {
            if let v = f.attributes[name] { return v }
            switch name {
            case "__name__": return PyString(f.name)
            case "__qualname__": return PyString(f.qualifiedName)
            case "__module__": return PyString(f.moduleName)
            case "__doc__": return f.code.docString.map { PyString($0) } ?? PyNone.shared
            case "__defaults__": return f.defaults.isEmpty ? PyNone.shared : PyTuple(f.defaults)
            case "__dict__": return dictFromStrings(f.attributes)
            default: break
            }
        }
        if let e = obj as? PyExceptionObject {
            switch name {
            case "args": return PyTuple(e.args)
            case "__cause__": return e.cause ?? PyNone.shared
            case "__context__": return e.context ?? PyNone.shared
            case "__suppress_context__": return PyBool.of(e.suppressContext)
            case "__traceback__": return PyNone.shared
            case "name" where e.suggestionContext != nil:
                switch e.suggestionContext {
                case .name(let n, _)?, .attribute(_, let n)?: return PyString(n)
                case nil: break
                }
            case "obj" where e.cls.isSubclass(of: ExceptionTypes.attributeError):
                if case .attribute(let o, _)? = e.suggestionContext { return o }
            case "value" where e.cls.isSubclass(of: ExceptionTypes.stopIteration):
                return e.args.first ?? PyNone.shared
            case "code" where e.cls.isSubclass(of: ExceptionTypes.systemExit):
                return e.args.count == 1 ? e.args[0] : (e.args.isEmpty ? PyNone.shared : PyTuple(e.args))
            default: break
            }
        }
        if let v = classAttr {
            return bindDescriptor(v, to: obj, cls: cls)
        }
        if let b = obj as? PyBoundMethod {
            switch name {
            case "__self__": return b.receiver
            case "__func__": return b.function
            case "__name__": return try getAttribute(b.function, "__name__")
            case "__qualname__": return try getAttribute(b.function, "__qualname__")
            default: return try getAttributeOrNil(b.function, name)
            }
        }
        if let c = obj as? PyComplex {
            switch name {
            case "real": return PyFloat(c.real)
            case "imag": return PyFloat(c.imag)
            case "conjugate": return PyNativeFunction("conjugate") { _, _ in PyComplex(c.real, -c.imag) }
            default: break
            }
        }
        if let n = obj as? PyInt, name == "real" || name == "numerator" { return PyInt.make(n.bigValue) }
        if obj is PyInt, name == "imag" { return PyInt.make(0) }
        if obj is PyInt, name == "denominator" { return PyInt.make(1) }
        if let r = obj as? PyRange {
            switch name {
            case "start": return PyInt.make(r.start)
            case "stop": return PyInt.make(r.stop)
            case "step": return PyInt.make(r.step)
            default: break
            }
        }
        if let f = obj as? PyFloat {
            if name == "real" { return f }
            if name == "imag" { return PyFloat(0) }
        }
        if let p = obj as? PyProperty {
            switch name {
            case "fget": return p.getter ?? PyNone.shared
            case "fset": return p.setter ?? PyNone.shared
            case "fdel": return p.deleter ?? PyNone.shared
            default: break
            }
        }
        if let w = obj as? PyLruCacheWrapper {
            // functools.update_wrapper copied these from the wrapped function.
            if name == "__wrapped__" { return w.function }
            if ["__name__", "__qualname__", "__doc__", "__module__"].contains(name) { return try getAttributeOrNil(w.function, name) }
        }
        if let n = obj as? PyNativeFunction {
            if name == "__name__" { return PyString(n.name) }
            if name == "__qualname__" { return PyString(n.ownerName.map { "\($0).\(n.name)" } ?? n.name) }
        }
        switch name {
        case "__class__": return cls
        case "__dict__":
            if let inst = obj as? PyInstance { return inst.instanceDict }
        case "__doc__": return PyNone.shared
        default: break
        }
        if let getattr = cls.lookup("__getattr__"), !(getattr is PyNativeFunction) {
            // Its own AttributeError (with its own message) propagates, as in CPython.
            return try call(getattr, CallArgs([obj, PyString(name)]))
        }
        return nil
    }

    /// `lst.append`, `d.get`, `s.split`...: a method of a plain builtin value (exactly a list,
    /// dict, str, int, float, tuple or set, so no property, instance dict or `__getattr__` can
    /// be in the way), found without the casts of the general path. Nil for anything else.
    @inline(__always)
    func builtinValueMethod(_ obj: PyObject, _ name: String) -> PyObject? {
        let c = obj.exactClass
        guard c == ObjectIdentifier(PyList.self) || c == ObjectIdentifier(PyDict.self) || c == ObjectIdentifier(PyString.self)
            || c == ObjectIdentifier(PyInt.self) || c == ObjectIdentifier(PyFloat.self) || c == ObjectIdentifier(PyTuple.self)
            || c == ObjectIdentifier(PySet.self) else { return nil }
        // The type's own methods only (one dictionary probe); what it inherits from `object`
        // is left to the general path.
        guard let v = obj.pyClass.dict[name], v.exactClass == ObjectIdentifier(PyNativeFunction.self) else { return nil }
        let native = unsafeDowncast(v, to: PyNativeFunction.self)
        return native.isMethod ? PyBoundMethod(receiver: obj, function: native) : native
    }

    func bindDescriptor(_ v: PyObject, to obj: PyObject, cls: PyClass) -> PyObject {
        if v is PyFunction || v is PyLruCacheWrapper { return PyBoundMethod(receiver: obj, function: v) }
        if let n = v as? PyNativeFunction, n.isMethod { return PyBoundMethod(receiver: obj, function: n) }
        if let sm = v as? PyStaticMethod { return sm.function }
        if let cm = v as? PyClassMethod { return PyBoundMethod(receiver: cls, function: cm.function) }
        return v
    }

    func classAttribute(_ c: PyClass, _ name: String) throws -> PyObject? {
        for k in c.mro {
            if let v = k.dict[name] {
                if let sm = v as? PyStaticMethod { return sm.function }
                if let cm = v as? PyClassMethod { return PyBoundMethod(receiver: c, function: cm.function) }
                return v
            }
        }
        switch name {
        case "__name__": return PyString(c.name)
        case "__qualname__": return PyString(c.qualifiedName)
        case "__module__": return PyString(c.moduleName)
        case "__bases__": return PyTuple(c.bases)
        case "__mro__": return PyTuple(c.mro)
        case "__dict__": return dictFromStrings(c.dict)
        case "__doc__": return PyNone.shared
        case "__class__": return c.pyClass
        default: break
        }
        if name == "mro" {
            return PyNativeFunction("mro") { _, _ in PyList(c.mro) }
        }
        // Methods of `type` itself found on a class object.
        return nil
    }

    func superAttribute(_ s: PySuper, _ name: String) throws -> PyObject? {
        let objClass = (s.object as? PyClass) ?? s.object.pyClass
        let mro = objClass.mro
        guard let idx = mro.firstIndex(where: { $0 === s.startAfter }) else {
            throw typeError("super(type, obj): obj must be an instance or subtype of type")
        }
        for k in mro[(idx + 1)...] {
            if let v = k.dict[name] {
                if s.object is PyClass {
                    if let cm = v as? PyClassMethod { return PyBoundMethod(receiver: s.object, function: cm.function) }
                    if let sm = v as? PyStaticMethod { return sm.function }
                    return v
                }
                if let p = v as? PyProperty, let g = p.getter { return try call(g, CallArgs([s.object])) }
                return bindDescriptor(v, to: s.object, cls: objClass)
            }
        }
        throw attributeError("'super' object has no attribute '\(name)'")
    }

    func setAttribute(_ obj: PyObject, _ name: String, _ value: PyObject) throws {
        if let inst = obj as? PyInstance {
            if let p = inst.cls.lookup(name) as? PyProperty {
                guard let setter = p.setter else { throw attributeError("property '\(name)' of '\(inst.cls.name)' object has no setter") }
                _ = try call(setter, CallArgs([obj, value]))
                return
            }
            if let setattr = inst.cls.lookup("__setattr__"), setattr is PyFunction {
                _ = try call(setattr, CallArgs([obj, PyString(name), value]))
                return
            }
            if let e = inst as? PyExceptionObject {
                if name == "__cause__" { e.cause = value as? PyExceptionObject; e.suppressContext = true; return }
                if name == "__context__" { e.context = value as? PyExceptionObject; return }
                if name == "__suppress_context__" { e.suppressContext = try truthy(value); return }
                if name == "args" { e.args = try iterateToArray(value); return }
            }
            if inst.cls === BuiltinTypes.object {
                throw attributeError("'object' object has no attribute '\(name)'")
            }
            inst.attributes[name] = value
            return
        }
        if let c = obj as? PyClass {
            if c.isBuiltin { throw typeError("cannot set '\(name)' attribute of immutable type '\(c.name)'") }
            c.dict[name] = value
            return
        }
        if let m = obj as? PyModule { m.dict[name] = value; return }
        if let f = obj as? PyFunction {
            if name == "__name__", let s = value as? PyString { f.name = s.value; return }
            if name == "__qualname__", let s = value as? PyString { f.qualifiedName = s.value; return }
            f.attributes[name] = value
            return
        }
        if obj.pyClass.lookup(name) != nil {
            throw attributeError("'\(typeName(obj))' object attribute '\(name)' is read-only")
        }
        // Data attributes of builtin objects (`(5).real`, `f.__defaults__`...) are getset
        // descriptors in CPython, which word the refusal differently from methods.
        if try getAttributeOrNil(obj, name) != nil {
            throw attributeError("attribute '\(name)' of '\(typeName(obj))' objects is not writable")
        }
        throw attributeError("'\(typeName(obj))' object has no attribute '\(name)'")
    }

    func deleteAttribute(_ obj: PyObject, _ name: String) throws {
        if let inst = obj as? PyInstance {
            if let p = inst.cls.lookup(name) as? PyProperty {
                guard let d = p.deleter else { throw attributeError("property '\(name)' of '\(inst.cls.name)' object has no deleter") }
                _ = try call(d, CallArgs([obj]))
                return
            }
            if inst.attributes.removeValue(forKey: name) == nil { throw attributeMissing(obj, name) }
            return
        }
        if let c = obj as? PyClass, !c.isBuiltin {
            if c.dict.removeValue(forKey: name) == nil { throw attributeMissing(obj, name) }
            return
        }
        if let m = obj as? PyModule {
            if m.dict.removeValue(forKey: name) == nil { throw attributeMissing(obj, name) }
            return
        }
        throw attributeMissing(obj, name)
    }

    func dictFromStrings(_ d: [String: PyObject]) -> PyDict {
        let out = PyDict()
        for (k, v) in d.sorted(by: { $0.key < $1.key }) {
            let key = PyString(k)
            out.table.set(key, hash: k.hashValue, value: v) { a, b in (a as? PyString)?.value == (b as? PyString)?.value }
        }
        return out
    }

    /// Looks up a special method on the type (not the instance), as CPython does for operators.
    func specialMethod(_ obj: PyObject, _ name: String) -> PyObject? {
        let cls = obj.pyClass
        if cls.isBuiltin && !(obj is PyInstance) { return nil }
        return cls.lookup(name)
    }

    /// Calls a special method if the type defines it; nil when it doesn't.
    func callSpecial(_ obj: PyObject, _ name: String, _ args: [PyObject] = []) throws -> PyObject? {
        guard let m = specialMethod(obj, name) else { return nil }
        if m is PyNativeFunction && (obj as? PyInstance)?.cls.isBuiltin == false {
            // Native methods inherited from builtin bases (object, Exception) are handled by the
            // generic paths, not as user overrides.
            return nil
        }
        return try call(m, CallArgs([obj] + args))
    }
}
