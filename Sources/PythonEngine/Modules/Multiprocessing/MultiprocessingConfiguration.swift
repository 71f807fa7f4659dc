import ProcessRuntime

/// How the `multiprocessing` bridge starts processes in one run: the default start method, the
/// sandbox's process budget (every fork takes a slot, so the per-run cap holds), and where the
/// record of what ran goes. `grader run` and the grading pipeline build one and register the
/// modules with it (`ModuleRegistry.registeringMultiprocessing(_:)`).
public struct MultiprocessingConfiguration: Sendable {
    /// `fork` (Linux's default up to CPython 3.13) or `spawn`.
    public var startMethod: String
    /// The run's process budget; nil means no cap beyond the kernel's.
    public var budget: ProcessBudget?
    /// Receives one JSON object per line describing processes, pool tasks and output.
    public var trace: MultiprocessingTrace?
    /// What `os.cpu_count()`/`Pool()` report (nil: the machine's count).
    public var cpuCount: Int?

    public init(startMethod: String = "fork", budget: ProcessBudget? = nil, trace: MultiprocessingTrace? = nil, cpuCount: Int? = nil) {
        self.startMethod = startMethod
        self.budget = budget
        self.trace = trace
        self.cpuCount = cpuCount
    }
}

extension ModuleRegistry {
    /// This registry with `multiprocessing` (and its submodules), `concurrent.futures` and
    /// `queue` registered for `configuration`.
    ///
    /// With `prepared` (built by a fork server before forking, see `PreparedEngine`), the first
    /// import in each forked process adopts the module built there instead of building it.
    public func registeringMultiprocessing(_ configuration: MultiprocessingConfiguration = MultiprocessingConfiguration(),
                                           prepared: PreparedEngine? = nil) -> ModuleRegistry {
        registeringMultiprocessing(configurationFrom: { configuration }, prepared: prepared?.multiprocessing)
    }

    /// The same, with the configuration read when `multiprocessing` is first imported: an
    /// interpreter built before its run is known (`PreparedEngine`) learns it that late.
    func registeringMultiprocessing(configurationFrom current: @escaping @Sendable () -> MultiprocessingConfiguration,
                                    prepared preparedModule: PreparedMultiprocessing?) -> ModuleRegistry {
        var r = self
        r.register("multiprocessing") { interp in
            let configuration = current()
            return PyModuleHandle(preparedModule?.adopt(configuration) ?? interp.makeMultiprocessingModule(configuration))
        }
        r.register("multiprocessing.pool") { PyModuleHandle(try $0.makeMultiprocessingSubmodule("pool")) }
        r.register("multiprocessing.context") { PyModuleHandle(try $0.makeMultiprocessingSubmodule("context")) }
        r.register("multiprocessing.managers") { PyModuleHandle(try $0.makeMultiprocessingSubmodule("managers")) }
        r.register("multiprocessing.process") { PyModuleHandle(try $0.makeMultiprocessingSubmodule("process")) }
        r.register("multiprocessing.queues") { PyModuleHandle(try $0.makeMultiprocessingSubmodule("queues")) }
        r.register("multiprocessing.sharedctypes") { PyModuleHandle(try $0.makeMultiprocessingSubmodule("sharedctypes")) }
        r.register("multiprocessing.dummy") { interp in
            throw interp.error(ExceptionTypes.moduleNotFoundError,
                               "No module named 'multiprocessing.dummy' (thread pools are not supported by this Python engine)")
        }
        r.register("queue") { PyModuleHandle($0.makeQueueModule()) }
        r.register("signal") { PyModuleHandle($0.makeSignalModule()) }
        r.register("pickle") { PyModuleHandle(try $0.makePickleModule("pickle")) }
        r.register("_pickle") { PyModuleHandle(try $0.makePickleModule("_pickle")) }
        // `os` as registered so far, plus `os.kill` limited to the program's own processes.
        let previousOS = r.builders["os"]
        r.register("os") { interp in
            let os = try previousOS?(interp) ?? PyModuleHandle(interp.makeOsModule())
            interp.installProcessKill(in: os.module)
            return os
        }
        r.register("concurrent") { _ in PyModuleHandle(PyModule(name: "concurrent")) }
        r.register("concurrent.futures") { PyModuleHandle(try $0.makeConcurrentFuturesModule()) }
        r.register("concurrent.futures.process") { PyModuleHandle(try $0.makeConcurrentFuturesSubmodule("process")) }
        return r
    }
}
