import BigInt
#if canImport(Glibc)
import Glibc
#endif

/// Limits that stop runaway programs with a clear message instead of hanging the grader.
public struct ExecutionLimits: Sendable {
    /// Maximum number of statements + loop iterations executed (nil: unlimited).
    public var maxSteps: Int?
    /// Wall-clock budget in seconds (nil: unlimited).
    public var timeout: Double?
    /// Cap on bytes written to stdout + stderr (nil: unlimited).
    public var maxOutputBytes: Int?

    public init(maxSteps: Int? = nil, timeout: Double? = nil, maxOutputBytes: Int? = nil) {
        self.maxSteps = maxSteps
        self.timeout = timeout
        self.maxOutputBytes = maxOutputBytes
    }
}

/// The tree-walking evaluator and all interpreter state. One instance runs one program (or a
/// notebook's cells in turn); it is single-threaded by design so the process can fork.
public final class Interpreter {
    public let stdout: OutputSink
    public let stderr: OutputSink
    /// The builtins module's names (probed with each name node's precomputed hash).
    @exclusivity(unchecked) var builtins = NameTable()
    /// `sys.modules`: imported modules by name.
    var modules: [String: PyModule] = [:]
    let moduleRegistry: ModuleRegistry
    public var argv: [String] = []
    let mainGlobals: Environment
    var sources: [String: [Substring]] = [:]

    // Recursion: CPython's default limit counts Python frames.
    var recursionLimit = 1000
    @exclusivity(unchecked) var callDepth = 0
    /// Lowest safe stack address; below it we raise RecursionError instead of overflowing.
    let stackFloor: UInt

    // Step budget and deadline.
    // The counters below are touched on every statement and call; their accesses never overlap
    // (plain reads and increments), so they skip the dynamic exclusivity check.
    @exclusivity(unchecked) var steps = 0
    @exclusivity(unchecked) var stepLimit: Int
    var deadline: UInt64?
    @exclusivity(unchecked) var nextClockCheck = 0

    /// Exceptions being handled (innermost last): bare `raise` and implicit chaining use it.
    var handledExceptions: [PyExceptionObject] = []
    var constantCache: [ObjectIdentifier: PyObject] = [:]
    /// Objects whose `repr` is in progress, for `[...]` on self-containing containers.
    var reprInProgress: Set<ObjectIdentifier> = []
    public var limits: ExecutionLimits
    /// The `random` module's generator (CPython's Mersenne Twister), one per interpreter.
    var randomState = PythonRandom()

    public init(stdout: OutputSink = OutputSink(.fileDescriptor(1)), stderr: OutputSink = OutputSink(.fileDescriptor(2)),
                limits: ExecutionLimits = ExecutionLimits(), registry: ModuleRegistry = .standard) {
        self.stdout = stdout
        self.stderr = stderr
        self.limits = limits
        self.moduleRegistry = registry
        self.stepLimit = limits.maxSteps ?? Int.max
        if let t = limits.timeout { deadline = monotonicNanos() + UInt64(t * 1e9) }
        stdout.byteLimit = limits.maxOutputBytes
        stderr.byteLimit = limits.maxOutputBytes
        mainGlobals = Environment(parent: nil, scope: nil)
        stackFloor = Interpreter.computeStackFloor()
        installBuiltinMethodsOnce()
        builtins = NameTable(makeBuiltins())
        mainGlobals.values["__name__"] = PyString("__main__")
        mainGlobals.values["__doc__"] = PyNone.shared
    }

    /// Flushes buffered stdout/stderr (call before fork and at exit).
    public func flush() {
        stdout.flush()
        stderr.flush()
    }

    // MARK: limits

    /// Counts one step; checks the budget and, every few thousand steps, the wall clock.
    @inline(__always)
    func tick() throws {
        steps &+= 1
        if steps >= nextClockCheck { try checkLimits() }
    }

    func checkLimits() throws {
        if steps > stepLimit {
            throw EngineLimitError(message: "step limit of \(stepLimit) exceeded (endless loop?)")
        }
        nextClockCheck = stepLimit == Int.max ? steps + 4096 : min(steps + 4096, stepLimit + 1)
        if let d = deadline, monotonicNanos() > d {
            throw EngineLimitError(message: "time limit of \(limits.timeout ?? 0) seconds exceeded")
        }
    }

    /// Resets the wall-clock deadline (each notebook cell gets its own budget).
    public func restartClock() {
        if let t = limits.timeout { deadline = monotonicNanos() + UInt64(t * 1e9) }
        steps = 0
        nextClockCheck = 0
    }

    /// The lowest stack address the evaluator may reach, from the current thread's real stack
    /// bounds (`pthread_getattr_np`), keeping a margin for the Swift frames of one operation.
    ///
    /// For the main thread the stack grows on demand up to RLIMIT_STACK (checked when it grows)
    /// and Linux leaves at least 128 MB below it for that, so the soft limit is raised to 96 MB
    /// first: 1000 Python frames then fit even in debug builds, without a second thread.
    static func computeStackFloor() -> UInt {
        #if os(Linux)
        let resource = __rlimit_resource_t(RLIMIT_STACK.rawValue)
        var limit = rlimit()
        if getrlimit(resource, &limit) == 0 {
            let wanted: rlim_t = 96 * 1024 * 1024
            if limit.rlim_cur != rlim_t.max && limit.rlim_cur < wanted && (limit.rlim_max == rlim_t.max || limit.rlim_max >= wanted) {
                var raised = limit
                raised.rlim_cur = wanted
                _ = setrlimit(resource, &raised)
            }
        }
        var attr = pthread_attr_t()
        guard c_pthread_getattr_np(pthread_self(), &attr) == 0 else { return 0 }
        defer { pthread_attr_destroy(&attr) }
        var addr: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attr, &addr, &size) == 0, let low = addr else { return 0 }
        let margin = UInt(min(512 * 1024, size / 4))
        return UInt(bitPattern: low) + margin
        #else
        return 0
        #endif
    }

    /// True when the Swift stack is nearly exhausted: deep recursion in `__repr__`, `__eq__` or
    /// nested data must end in RecursionError, never a crash.
    @inline(__always)
    func stackIsLow() -> Bool {
        var marker: UInt8 = 0
        return withUnsafePointer(to: &marker) { UInt(bitPattern: $0) } < stackFloor
    }

    func enterCall(while context: String = "") throws {
        callDepth += 1
        // The module frame counts towards the limit, as in CPython.
        if callDepth >= recursionLimit || stackIsLow() {
            callDepth -= 1
            throw error(ExceptionTypes.recursionError, "maximum recursion depth exceeded" + context)
        }
    }

    // MARK: errors

    func newException(_ cls: PyClass, _ args: [PyObject]) -> PyExceptionObject {
        let e = PyExceptionObject(cls: cls)
        e.args = args
        return e
    }

    func error(_ cls: PyClass, _ message: String) -> PyError {
        PyError(exception: newException(cls, [PyString(message)]))
    }

    func typeError(_ message: String) -> PyError { error(ExceptionTypes.typeError, message) }
    func valueError(_ message: String) -> PyError { error(ExceptionTypes.valueError, message) }
    func attributeError(_ message: String) -> PyError { error(ExceptionTypes.attributeError, message) }
    func indexError(_ message: String) -> PyError { error(ExceptionTypes.indexError, message) }

    func keyError(_ key: PyObject) -> PyError {
        PyError(exception: newException(ExceptionTypes.keyError, [key]))
    }

    /// Converts an error from the Support utilities into the Python exception it names.
    func convert(_ e: SupportError) -> PyError {
        let cls = ExceptionTypes.byName[e.pythonTypeName] ?? ExceptionTypes.valueError
        return error(cls, e.message)
    }

    func permissionDenied(_ what: String) -> PyError {
        error(ExceptionTypes.permissionError, "\(what) is not allowed in the grader's sandbox")
    }

    func id(of o: PyObject) -> Int {
        // CPython ids are addresses; the object's address has the same lifetime semantics.
        Int(bitPattern: Unmanaged.passUnretained(o).toOpaque())
    }
}

func monotonicNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

func wallClockSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

#if os(Linux)
@_silgen_name("pthread_getattr_np")
private func c_pthread_getattr_np(_ thread: pthread_t, _ attr: UnsafeMutablePointer<pthread_attr_t>) -> Int32
#endif
