/// `dataclasses`: `@dataclass` (with `order=`, `eq=`, `repr=`, `init=`), `field(default=,
/// default_factory=)`, `asdict`, `fields`. The generated methods are Python source compiled by
/// the engine itself, so they behave (and fail) exactly like hand-written ones.
enum DataclassTypes {
    static let field = PyClass(name: "Field", bases: [BuiltinTypes.object], module: "dataclasses")
    static let missing = PyClass(name: "_MISSING_TYPE", bases: [BuiltinTypes.object], module: "dataclasses")
}

extension Interpreter {
    func makeDataclassesModule() -> PyModule {
        let m = PyModule(name: "dataclasses")
        let missing = PyInstance(cls: DataclassTypes.missing)
        m.dict["MISSING"] = missing
        m.dict["field"] = native("field") { i, a in
            let f = PyInstance(cls: DataclassTypes.field)
            f.attributes["default"] = a.keyword("default") ?? missing
            f.attributes["default_factory"] = a.keyword("default_factory") ?? missing
            f.attributes["repr"] = a.keyword("repr") ?? PyBool.trueValue
            _ = i
            return f
        }
        m.dict["dataclass"] = native("dataclass") { i, a in
            var options: [String: Bool] = ["init": true, "repr": true, "eq": true, "order": false, "frozen": false]
            for (k, v) in a.keywords { options[k] = try i.truthy(v) }
            if let cls = a.positional.first as? PyClass {
                return try i.makeDataclass(cls, options, missing: missing)
            }
            return PyNativeFunction("dataclass") { interp, b in
                guard let cls = b.positional.first as? PyClass else { throw interp.typeError("dataclass() should be applied to a class") }
                return try interp.makeDataclass(cls, options, missing: missing)
            }
        }
        m.dict["fields"] = native("fields") { i, a in
            let o = try i.arg(a, 0, "fields")
            let cls = (o as? PyClass) ?? o.pyClass
            guard let names = cls.lookup("__dataclass_field_names__") as? PyTuple else {
                throw i.typeError("must be called with a dataclass type or instance")
            }
            return names
        }
        m.dict["asdict"] = native("asdict") { i, a in try i.dataclassAsDict(try i.arg(a, 0, "asdict")) }
        m.dict["is_dataclass"] = native("is_dataclass") { i, a in
            let o = try i.arg(a, 0, "is_dataclass")
            return PyBool.of(((o as? PyClass) ?? o.pyClass).lookup("__dataclass_field_names__") != nil)
        }
        return m
    }

    func dataclassAsDict(_ o: PyObject) throws -> PyObject {
        if let names = o.pyClass.lookup("__dataclass_field_names__") as? PyTuple, o is PyInstance {
            let d = PyDict()
            for n in names.items {
                guard let name = n as? PyString else { continue }
                try dictSet(d, name, try dataclassAsDict(try getAttribute(o, name.value)))
            }
            return d
        }
        if let l = o as? PyList { return PyList(try l.items.map(dataclassAsDict)) }
        if let t = o as? PyTuple { return PyTuple(try t.items.map(dataclassAsDict)) }
        if let d = o as? PyDict {
            let out = PyDict()
            for k in dictKeys(d) { try dictSet(out, k, try dataclassAsDict(try dictGet(d, k)!)) }
            return out
        }
        return o
    }

    func makeDataclass(_ cls: PyClass, _ options: [String: Bool], missing: PyObject) throws -> PyClass {
        // Fields: annotations of the class and of dataclass bases, base fields first.
        var names: [String] = []
        var defaults: [String: PyObject] = [:]
        var factories: [String: PyObject] = [:]
        for k in cls.mro.reversed() {
            guard let ann = k.dict["__annotations__"] as? PyDict else { continue }
            for key in dictKeys(ann) {
                guard let n = (key as? PyString)?.value else { continue }
                if !names.contains(n) { names.append(n) }
                if let v = k.dict[n] {
                    if let f = v as? PyInstance, f.cls === DataclassTypes.field {
                        if let d = f.attributes["default"], d !== missing { defaults[n] = d }
                        if let fac = f.attributes["default_factory"], fac !== missing { factories[n] = fac }
                        if k === cls { cls.dict[n] = defaults[n] }
                    } else {
                        defaults[n] = v
                    }
                }
            }
        }
        var sawDefault = false
        for n in names {
            let has = defaults[n] != nil || factories[n] != nil
            if sawDefault && !has { throw typeError("non-default argument '\(n)' follows default argument") }
            sawDefault = sawDefault || has
        }
        var source = ""
        let params = names.map { n -> String in
            if defaults[n] != nil { return "\(n)=__dc_defaults['\(n)']" }
            if factories[n] != nil { return "\(n)=__dc_missing" }
            return n
        }
        source += "def __init__(" + (["self"] + params).joined(separator: ", ") + "):\n"
        if names.isEmpty { source += "    pass\n" }
        for n in names {
            if factories[n] != nil {
                source += "    self.\(n) = __dc_factories['\(n)']() if \(n) is __dc_missing else \(n)\n"
            } else {
                source += "    self.\(n) = \(n)\n"
            }
        }
        let fields = names.map { "\($0)={self.\($0)!r}" }.joined(separator: ", ")
        source += "def __repr__(self):\n    return f\"{type(self).__qualname__}(\(fields))\"\n"
        let tuple = { (who: String) in "(" + names.map { "\(who).\($0)" }.joined(separator: ", ") + (names.count == 1 ? ",)" : ")") }
        source += "def __eq__(self, other):\n    if other.__class__ is self.__class__:\n        return \(tuple("self")) == \(tuple("other"))\n    return NotImplemented\n"
        for (op, name) in [("<", "__lt__"), ("<=", "__le__"), (">", "__gt__"), (">=", "__ge__")] {
            source += "def \(name)(self, other):\n    if other.__class__ is self.__class__:\n        return \(tuple("self")) \(op) \(tuple("other"))\n    return NotImplemented\n"
        }
        let module: Module
        do {
            module = try Parser.parse(source, fileName: "<dataclass \(cls.name)>")
        } catch {
            throw typeError("cannot generate dataclass methods for \(cls.name): \(error.message)")
        }
        let globals = Environment(parent: nil, scope: nil)
        let defaultsDict = PyDict()
        for (k, v) in defaults { try dictSet(defaultsDict, PyString(k), v) }
        let factoriesDict = PyDict()
        for (k, v) in factories { try dictSet(factoriesDict, PyString(k), v) }
        globals.values["__dc_defaults"] = defaultsDict
        globals.values["__dc_factories"] = factoriesDict
        globals.values["__dc_missing"] = missing
        let frame = Frame(name: "<dataclass>", fileName: "<dataclass \(cls.name)>", line: 1, env: globals, globals: globals, scope: nil)
        _ = try execBlock(module.body, frame)
        func install(_ name: String, _ enabled: Bool) {
            guard enabled, cls.dict[name] == nil, let fn = globals.values[name] as? PyFunction else { return }
            fn.qualifiedName = cls.qualifiedName + "." + name
            fn.definingClass = cls
            cls.dict[name] = fn
        }
        install("__init__", options["init"] ?? true)
        install("__repr__", options["repr"] ?? true)
        install("__eq__", options["eq"] ?? true)
        for n in ["__lt__", "__le__", "__gt__", "__ge__"] { install(n, options["order"] ?? false) }
        if (options["eq"] ?? true) && cls.dict["__hash__"] == nil && !(options["frozen"] ?? false) {
            cls.dict["__hash__"] = PyNone.shared
        }
        cls.dict["__dataclass_field_names__"] = PyTuple(names.map { PyString($0) })
        return cls
    }
}
