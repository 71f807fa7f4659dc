/// A Python class: builtin types and user classes alike, so `isinstance`, `type()` and the MRO
/// work uniformly and user classes can subclass `Exception`, `list` or `dict`.
final class PyClass: PyObject, @unchecked Sendable {
    let name: String
    var qualifiedName: String
    var bases: [PyClass]
    /// Both unchecked by the runtime's exclusivity enforcement (read on every attribute lookup);
    /// never mutated through a closure that could run Python code.
    @exclusivity(unchecked) var dict: [String: PyObject] = [:]
    @exclusivity(unchecked) var mro: [PyClass] = []
    /// The module the class was defined in (`__main__` for student code, `builtins` otherwise).
    var moduleName: String
    /// How calling a builtin type builds its value (`int("3")`, `list(x)`); nil for user classes.
    var constructor: NativeBody?
    /// For builtin types: which native storage instances need (`list`, `dict`, exception args...).
    let isBuiltin: Bool

    init(name: String, bases: [PyClass], module: String = "builtins", isBuiltin: Bool = true) {
        self.name = name
        self.qualifiedName = name
        self.bases = bases
        self.moduleName = module
        self.isBuiltin = isBuiltin
        super.init()
        mro = PyClass.linearize(self)
    }

    override var pyClass: PyClass { BuiltinTypes.type }

    /// C3 linearisation; falls back to depth-first order when the hierarchy is inconsistent
    /// (the class statement reports that case before getting here).
    static func linearize(_ cls: PyClass) -> [PyClass] {
        var sequences = cls.bases.map { $0.mro }
        sequences.append(cls.bases)
        var result: [PyClass] = [cls]
        while true {
            sequences = sequences.filter { !$0.isEmpty }
            if sequences.isEmpty { return result }
            var candidate: PyClass?
            for seq in sequences {
                let head = seq[0]
                if !sequences.contains(where: { $0.dropFirst().contains { $0 === head } }) {
                    candidate = head
                    break
                }
            }
            guard let next = candidate else { return [] }
            result.append(next)
            sequences = sequences.map { $0.first === next ? Array($0.dropFirst()) : $0 }
        }
    }

    func lookup(_ name: String) -> PyObject? {
        for cls in mro {
            if let v = cls.dict[name] { return v }
        }
        return nil
    }

    func isSubclass(of other: PyClass) -> Bool {
        if self === other { return true }
        return mro.contains { $0 === other }
    }
}

/// An instance of a user class (or of a builtin exception class). Instances of user subclasses
/// of `list`/`dict` keep the builtin storage in `builtinValue`.
class PyInstance: PyObject, @unchecked Sendable {
    let cls: PyClass
    /// The instance's `__dict__`: a real `dict`, so `vars(obj)` is the same object every time,
    /// keeps attributes in assignment order, and writes through it are attribute writes.
    let instanceDict = PyDict()
    /// String-keyed view of `instanceDict` for Swift code.
    var attributes: InstanceAttributes { InstanceAttributes(dict: instanceDict) }
    /// The underlying builtin object when the class derives from list, dict, int, str, ...
    var builtinValue: PyObject?

    init(cls: PyClass) { self.cls = cls }

    override var pyClass: PyClass { cls }
}

/// An exception instance: args plus the traceback/cause/context CPython tracks.
final class PyExceptionObject: PyInstance, @unchecked Sendable {
    var args: [PyObject] = []
    var traceback: [TracebackEntry] = []
    var cause: PyExceptionObject?
    var context: PyExceptionObject?
    var suppressContext = false
    /// For NameError/AttributeError raised by the engine: where the missing name was looked up,
    /// so the traceback can add CPython's "Did you mean: ...?" (see Errors/Suggestions.swift).
    var suggestionContext: SuggestionContext?
    /// The span of the innermost expression that raised in the frame being unwound, waiting for
    /// that frame's traceback entry (see Errors/Carets.swift).
    var pendingCaret: CaretSpan?
}

/// One `File "...", line N, in name` line of a traceback.
struct TracebackEntry: Sendable {
    let fileName: String
    let line: Int
    let name: String
    /// Identity of the frame, so an exception caught and re-raised in one frame is listed once.
    var frameID: Int = 0
    /// What to underline in the source line (CPython 3.11's `^^^^` / `~~^~~`), if known.
    var caret: CaretSpan? = nil
}

extension PyExceptionObject {
    /// Records that the exception passed through `frame` at its current line.
    func addTraceback(_ frame: Frame) {
        let id = Int(bitPattern: Unmanaged.passUnretained(frame).toOpaque())
        let caret = pendingCaret
        pendingCaret = nil
        if let last = traceback.last, last.frameID == id { return }
        var entry = TracebackEntry(fileName: frame.fileName, line: frame.line, name: frame.name, frameID: id)
        if let caret, caret.line == frame.line { entry.caret = caret }
        traceback.append(entry)
    }
}
