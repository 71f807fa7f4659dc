/// Builds a native module for one interpreter.
public typealias NativeModuleBuilder = @Sendable (Interpreter) throws -> PyModuleHandle

/// An opaque handle so builders defined in this target can return modules through the public
/// registry type without exposing the object model.
public struct PyModuleHandle {
    let module: PyModule
    init(_ m: PyModule) { module = m }
}

/// The native modules `import` can load, by name. The multiprocessing layer adds
/// `multiprocessing`, `concurrent.futures`, `queue`... by registering builders here
/// (`registry.register("multiprocessing", builder)`) without touching the engine's files.
public struct ModuleRegistry: Sendable {
    var builders: [String: NativeModuleBuilder] = [:]
    /// Modules that exist in CPython but reach outside the sandbox: importing them raises
    /// PermissionError with a clear message.
    var blocked: Set<String> = ["subprocess", "socket", "ctypes", "shutil", "urllib", "http", "requests", "ftplib",
                                "smtplib", "telnetlib", "pty", "signal", "pathlib",
                                "tempfile", "glob", "pickle", "sqlite3", "webbrowser"]
    /// Modules reserved for a later layer: importing them reports that they are not available yet.
    var notYetAvailable: Set<String> = ["multiprocessing", "concurrent", "concurrent.futures", "queue"]
    /// Modules the engine does not implement by design (it runs one thread so it can fork).
    var unsupported: Set<String> = ["threading", "_thread", "asyncio"]

    public init() {}

    public mutating func register(_ name: String, _ builder: @escaping NativeModuleBuilder) {
        builders[name] = builder
        notYetAvailable.remove(name)
        blocked.remove(name)
        unsupported.remove(name)
    }

    public static let standard: ModuleRegistry = {
        var r = ModuleRegistry()
        r.register("math") { PyModuleHandle(try $0.makeMathModule()) }
        r.register("sys") { PyModuleHandle($0.makeSysModule()) }
        r.register("os") { PyModuleHandle($0.makeOsModule()) }
        r.register("os.path") { PyModuleHandle($0.makeOsPathModule()) }
        r.register("time") { PyModuleHandle($0.makeTimeModule()) }
        r.register("random") { PyModuleHandle($0.makeRandomModule()) }
        r.register("itertools") { PyModuleHandle($0.makeItertoolsModule()) }
        r.register("functools") { PyModuleHandle($0.makeFunctoolsModule()) }
        r.register("operator") { PyModuleHandle($0.makeOperatorModule()) }
        r.register("collections") { PyModuleHandle($0.makeCollectionsModule()) }
        r.register("string") { PyModuleHandle($0.makeStringModule()) }
        r.register("typing") { PyModuleHandle($0.makeTypingModule()) }
        r.register("json") { PyModuleHandle($0.makeJSONModule()) }
        r.register("abc") { PyModuleHandle($0.makeAbcModule()) }
        r.register("dataclasses") { PyModuleHandle($0.makeDataclassesModule()) }
        // Last, so it wraps the final `os` (adding `os.kill` for the program's own processes).
        return r.registeringMultiprocessing()
    }()
}

extension Interpreter {
    func importModule(_ name: String) throws -> PyModule {
        if let m = modules[name] { return m }
        if moduleRegistry.blocked.contains(name) || moduleRegistry.blocked.contains(String(name.split(separator: ".")[0])) {
            throw permissionDenied("importing '\(name)'")
        }
        if moduleRegistry.unsupported.contains(name) {
            throw error(ExceptionTypes.moduleNotFoundError, "No module named '\(name)' (not supported by this Python engine)")
        }
        if moduleRegistry.notYetAvailable.contains(name) {
            throw error(ExceptionTypes.moduleNotFoundError, "No module named '\(name)' (not available in this engine yet)")
        }
        guard let builder = moduleRegistry.builders[name] else {
            if let dot = name.firstIndex(of: "."), moduleRegistry.builders[String(name[..<dot])] != nil {
                let parent = String(name[..<dot])
                throw error(ExceptionTypes.moduleNotFoundError, "No module named '\(name)'; '\(parent)' is not a package")
            }
            throw error(ExceptionTypes.moduleNotFoundError, "No module named '\(name)'")
        }
        let m = try builder(self).module
        modules[name] = m
        recordInSysModules(name, m)
        if name.contains(".") {
            let parts = name.split(separator: ".")
            if let parent = try? importModule(String(parts[0])) { parent.dict[String(parts[1])] = m }
        }
        return m
    }

    /// Keeps `sys.modules` listing every module imported so far (including `sys` itself).
    func recordInSysModules(_ name: String, _ module: PyModule) {
        guard let table = modules["sys"]?.dict["modules"] as? PyDict else { return }
        if name == "sys" {
            for (other, m) in modules.sorted(by: { $0.key < $1.key }) where other != "sys" { try? dictSet(table, PyString(other), m) }
        }
        try? dictSet(table, PyString(name), module)
    }

    /// Helper for module builders: a native function value.
    func native(_ name: String, _ body: @escaping NativeBody) -> PyNativeFunction {
        PyNativeFunction(name, body)
    }
}
