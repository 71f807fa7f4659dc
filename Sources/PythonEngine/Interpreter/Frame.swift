/// One activation of Python code (a module, function or class body): its variables, the line it
/// is executing (for tracebacks) and, for generators, where to resume.
///
/// The fields written while a frame runs (`line` on every statement, the generator state) are
/// `@exclusivity(unchecked)`: each access is a single read or store that calls nothing that could
/// reach the same frame, so Swift's dynamic exclusivity check would only cost time.
final class Frame {
    let name: String
    let fileName: String
    @exclusivity(unchecked) var line: Int
    let env: Environment
    let globals: Environment
    /// Function scope facts; nil for module and class-body frames.
    let scope: ScopeInfo?
    let isClassBody: Bool
    /// Generator support: the path of statements to re-enter on resume (innermost first).
    @exclusivity(unchecked) var resumePath: [ResumePoint] = []
    /// The value `send()` delivers (None for `next()`), or the exception `throw()` delivers.
    var sendValue: PyObject {
        get { sentValue ?? PyNone.shared }
        set { sentValue = newValue }
    }
    /// nil until a generator is resumed: a frame costs no `None` reference to set up and drop.
    @exclusivity(unchecked) private var sentValue: PyObject?
    var throwValue: PyExceptionObject?
    /// For comprehension frames: the frame whose names the comprehension can see.
    let comprehensionOuter: Frame?
    /// Which kind of code runs in this frame, decided once so a name read can branch on it.
    let kind: Kind
    /// The function's code (nil for module/class frames), for zero-argument `super()`.
    @exclusivity(unchecked) var code: FunctionCode?
    /// The class whose method this frame runs, for zero-argument `super()`.
    @exclusivity(unchecked) var definingClass: PyClass?

    enum Kind: UInt8 {
        /// Module code (also the engine's own helper code run in a module-like namespace).
        case module
        case function
        case classBody
        case comprehension
    }

    init(name: String, fileName: String, line: Int, env: Environment, globals: Environment, scope: ScopeInfo?,
         isClassBody: Bool = false, comprehensionOuter: Frame? = nil) {
        self.name = name
        self.fileName = fileName
        self.line = line
        self.env = env
        self.globals = globals
        self.scope = scope
        self.isClassBody = isClassBody
        self.comprehensionOuter = comprehensionOuter
        // The same precedence as `Interpreter.lookup`'s checks.
        if scope != nil { kind = .function }
        else if isClassBody { kind = .classBody }
        else if comprehensionOuter != nil { kind = .comprehension }
        else { kind = .module }
    }

    /// A function call's frame (everything set at once: this runs on every call).
    init(function code: FunctionCode, fileName: String, env: Environment, globals: Environment, definingClass: PyClass?) {
        self.name = code.name
        self.fileName = fileName
        self.line = code.line
        self.env = env
        self.globals = globals
        self.scope = code.scope
        self.isClassBody = false
        self.comprehensionOuter = nil
        self.kind = .function
        self.code = code
        self.definingClass = definingClass
    }

    var isResuming: Bool { !resumePath.isEmpty }
}

/// How a statement finished: normally, or by a jump the enclosing statements must honour.
/// `.yielded` carries a generator's value outwards; each compound statement on the way records
/// in the frame's `resumePath` where to continue.
enum Completion {
    case normal
    case breakLoop
    case continueLoop
    case returned(PyObject)
    case yielded(PyObject)
}

/// Where a suspended generator continues inside one statement.
enum ResumePoint {
    case block(Int)
    case forLoop(iterator: PyObject)
    case whileLoop
    case ifBranch(Int)
    case tryBody
    case tryHandler(Int, PyExceptionObject)
    case tryElse
    case tryFinally(pending: PendingCompletion)
    case withBody(exits: [PyObject])
    case yieldPoint
    case yieldFrom(iterator: PyObject)
}

/// What a `finally` block must resume after it finishes.
enum PendingCompletion {
    case none
    case completion(Completion)
    case error(Error)
}

/// A generator object: a suspended frame stepped by `next`/`send`/`throw`.
final class PyGenerator: PyObject, @unchecked Sendable {
    let frame: Frame
    let code: FunctionCode
    var started = false
    var finished = false
    var running = false
    init(frame: Frame, code: FunctionCode) {
        self.frame = frame
        self.code = code
    }
    override var pyClass: PyClass { BuiltinTypes.generator }
}
