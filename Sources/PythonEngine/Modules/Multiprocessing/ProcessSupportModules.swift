#if canImport(Glibc)
import Glibc
#endif

extension Interpreter {
    /// `signal`: the signal numbers (for `p.exitcode == -signal.SIGTERM` and `os.kill`). Handlers
    /// (`signal.signal`, `alarm`) reach outside one cell and stay blocked.
    func makeSignalModule() -> PyModule {
        let m = PyModule(name: "signal")
        for (name, number) in [("SIGHUP", SIGHUP), ("SIGINT", SIGINT), ("SIGQUIT", SIGQUIT), ("SIGABRT", SIGABRT),
                               ("SIGKILL", SIGKILL), ("SIGUSR1", SIGUSR1), ("SIGSEGV", SIGSEGV), ("SIGUSR2", SIGUSR2),
                               ("SIGPIPE", SIGPIPE), ("SIGALRM", SIGALRM), ("SIGTERM", SIGTERM), ("SIGCHLD", SIGCHLD),
                               ("SIGCONT", SIGCONT), ("SIGSTOP", SIGSTOP)] {
            m.dict[name] = PyInt.make(Int(number))
        }
        for blocked in ["signal", "alarm", "setitimer", "pause", "pthread_kill", "sigwait", "raise_signal"] {
            m.dict[blocked] = native(blocked) { i, _ in throw i.permissionDenied("signal.\(blocked)()") }
        }
        return m
    }

    /// `pickle`: its exception classes (so `except pickle.PicklingError` works). `dumps`/`loads`
    /// are not offered: the bridge's byte format is not CPython's, so showing it would mislead.
    func makePickleModule(_ name: String) throws -> PyModule {
        let state = try multiprocessingState()
        let m = PyModule(name: name)
        m.dict["PicklingError"] = state.classes.picklingError
        m.dict["UnpicklingError"] = state.classes.unpicklingError
        m.dict["PickleError"] = state.classes.picklingError.bases.first
        for blocked in ["dumps", "loads", "dump", "load"] {
            m.dict[blocked] = native(blocked) { i, _ in
                throw i.pythonError("NotImplementedError", "pickle.\(blocked)() is not available in this engine")
            }
        }
        return m
    }

    /// `os.kill`, allowed only towards this process and the processes it started (its
    /// `Process` children and pool workers), so a cell cannot signal anything else.
    func installProcessKill(in os: PyModule) {
        os.dict["kill"] = native("kill") { interp, args in
            guard args.positional.count == 2, args.keywords.isEmpty else {
                throw interp.typeError("kill expected 2 arguments, got \(args.positional.count)")
            }
            let pid = try interp.intArg(args.positional[0])
            let sig = try interp.intArg(args.positional[1])
            var allowed = pid == Int(getpid())
            if !allowed, let state = try? interp.multiprocessingState() {
                allowed = state.children.contains { $0.pid.map(Int.init) == pid }
                    || state.pools.contains { p in p.pool.workers.contains { Int($0.pid) == pid } }
            }
            guard allowed, pid > 0 else { throw interp.permissionDenied("os.kill() of a process this program did not start") }
            if Glibc.kill(pid_t(pid), Int32(sig)) != 0 {
                if errno == ESRCH { throw interp.error(ExceptionTypes.processLookupError, "[Errno 3] No such process") }
                throw interp.pythonError("OSError", "[Errno \(errno)] kill failed")
            }
            return PyNone.shared
        }
    }
}
