extension Interpreter {
    /// Gives a native class special methods (`__len__`, `__getitem__`, `__iter__`, `__repr__`, ...)
    /// that the evaluator's protocols accept: they dispatch only to Python functions, so each
    /// native body is wrapped in a one-line Python function (`def __len__(self, *a, **k): return
    /// _native(self, *a, **k)`) compiled once per class.
    func installDunders(on cls: PyClass, _ bodies: [String: NativeBody]) throws {
        let env = Environment(parent: nil, scope: nil)
        env.values["__name__"] = PyString(cls.moduleName)
        var source = ""
        for (name, body) in bodies.sorted(by: { $0.key < $1.key }) {
            env.values["_native_\(name)"] = PyNativeFunction(name, owner: cls.name, body)
            source += "def \(name)(self, *args, **kwargs):\n    return _native_\(name)(self, *args, **kwargs)\n"
        }
        let fileName = "<\(cls.moduleName)>"
        let module = try Parser.parse(source, fileName: fileName)
        let frame = Frame(name: "<module>", fileName: fileName, line: 1, env: env, globals: env, scope: nil)
        _ = try execBlock(module.body, frame)
        for name in bodies.keys {
            if let f = env.values[name] as? PyFunction {
                f.qualifiedName = "\(cls.name).\(name)"
                cls.dict[name] = f
            }
        }
    }
}
