/// Entry points for layers built on the engine inside this module (the multiprocessing layer
/// first). They are `internal`: such layers live in `Sources/PythonEngine/Modules/...` next to
/// the other native modules and use the object model directly.
///
/// Adding a native module (e.g. `multiprocessing`):
/// 1. write `extension Interpreter { func makeMultiprocessingModule() -> PyModule { ... } }` in
///    its own file under `Modules/`, filling `module.dict` with `native(...)` functions and
///    `makeNativeClass(...)` classes;
/// 2. register it: `registry.register("multiprocessing") { PyModuleHandle($0.makeMultiprocessingModule()) }`
///    (in `ModuleRegistry.standard` or on a copy passed to `PythonRuntime(registry:)`); that
///    also removes it from the "not available yet" list.
///
/// Forking: the interpreter runs on the process's only thread and keeps no threads of its own.
/// Call `flush()` before `fork()` so buffered output is written exactly once; in the child,
/// run the target with `callPython(_:_:)`, report an uncaught exception with
/// `tracebackText(_:)`, flush, and `_exit`.
extension Interpreter {
    /// Calls a Python callable with positional (and keyword) arguments.
    func callPython(_ callable: PyObject, _ args: [PyObject], keywords: [(String, PyObject)] = []) throws -> PyObject {
        try call(callable, CallArgs(args, keywords: keywords))
    }

    /// CPython's traceback text for an exception (what `python3` prints to stderr).
    func tracebackText(_ exception: PyExceptionObject) -> String {
        formatTraceback(exception)
    }

    /// A builtin-style class implemented in Swift. `constructor` builds instances (it receives
    /// the call's arguments); `methods` receive the instance as their first positional argument.
    /// Users may subclass it (`class Worker(Process): def run(self): ...`): instances of the
    /// subclass are `PyInstance`s whose `builtinValue` is what `constructor` returned.
    func makeNativeClass(name: String, module: String, bases: [PyClass] = [BuiltinTypes.object],
                         constructor: NativeBody?, methods: [String: NativeBody]) -> PyClass {
        let cls = PyClass(name: name, bases: bases, module: module)
        cls.constructor = constructor
        for (methodName, body) in methods {
            cls.dict[methodName] = PyNativeFunction(methodName, owner: name, isMethod: true, body)
        }
        return cls
    }

    /// Raises a Python exception of the named builtin class (`"ValueError"`, ...).
    func pythonError(_ typeName: String, _ message: String) -> PyError {
        error(ExceptionTypes.byName[typeName] ?? ExceptionTypes.runtimeError, message)
    }
}
