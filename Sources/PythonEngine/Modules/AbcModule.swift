/// `abc`: `ABC` and `@abstractmethod`, with CPython's refusal to instantiate a class that still
/// has abstract methods.
enum AbcTypes {
    static let abc = PyClass(name: "ABC", bases: [BuiltinTypes.object], module: "abc")
}

extension Interpreter {
    func makeAbcModule() -> PyModule {
        let m = PyModule(name: "abc")
        m.dict["ABC"] = AbcTypes.abc
        m.dict["abstractmethod"] = native("abstractmethod") { i, a in
            let f = try i.arg(a, 0, "abstractmethod", "funcobj")
            if let fn = f as? PyFunction { fn.attributes["__isabstractmethod__"] = PyBool.trueValue }
            if let p = f as? PyProperty, let fn = p.getter as? PyFunction { fn.attributes["__isabstractmethod__"] = PyBool.trueValue }
            return f
        }
        return m
    }

    /// Names of the abstract methods a class has not overridden, sorted as CPython reports them.
    func abstractMethods(of c: PyClass) -> [String] {
        guard c.isSubclass(of: AbcTypes.abc) else { return [] }
        var names: Set<String> = []
        for k in c.mro { names.formUnion(k.dict.keys) }
        return names.filter { name in
            var v = c.lookup(name)
            if let p = v as? PyProperty { v = p.getter }
            if let cm = v as? PyClassMethod { v = cm.function }
            if let sm = v as? PyStaticMethod { v = sm.function }
            return ((v as? PyFunction)?.attributes["__isabstractmethod__"] as? PyBool)?.boolValue == true
        }.sorted()
    }
}
