extension Interpreter {
    /// `globals()`, `vars()`, `locals()` at module level: a new dict of the namespace's live
    /// names, sorted as the `[String: PyObject]` version does.
    func dictFromStrings(_ table: NameTable) -> PyDict {
        dictFromStrings(table.dictionary)
    }
}

extension PyModule {
    /// A module object holding a snapshot of a namespace (`builtins`, `sys.modules['__main__']`).
    convenience init(name: String, dict table: NameTable) {
        self.init(name: name, dict: table.dictionary)
    }
}
