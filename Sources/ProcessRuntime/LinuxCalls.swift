#if canImport(Glibc)
import Glibc
#endif

/// glibc functions that Swift's `Glibc` module does not import: it is built without
/// `_GNU_SOURCE` (so `pipe2` and `sem_clockwait` are hidden) and never imports variadic C
/// functions (so `prctl` is missing). They are looked up once with `dlsym` and called through a
/// C function pointer, which keeps the C calling convention correct.
enum LinuxCalls {
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    typealias SemClockwait = @convention(c) (UnsafeMutablePointer<sem_t>, clockid_t, UnsafePointer<timespec>) -> Int32
    typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32

    /// `PR_SET_PDEATHSIG` and `PR_SET_CHILD_SUBREAPER` from `<linux/prctl.h>` (stable kernel ABI).
    static let prSetParentDeathSignal: Int32 = 1
    static let prSetChildSubreaper: Int32 = 36

    nonisolated(unsafe) private static let handle = dlopen(nil, RTLD_NOW)

    static let pipe2Function: Pipe2? = symbol("pipe2", as: Pipe2.self)
    static let semClockwaitFunction: SemClockwait? = symbol("sem_clockwait", as: SemClockwait.self)
    static let prctlFunction: Prctl? = symbol("prctl", as: Prctl.self)

    private static func symbol<F>(_ name: String, as type: F.Type) -> F? {
        guard let pointer = dlsym(handle, name) else { return nil }
        return unsafeBitCast(pointer, to: type)
    }

    /// `prctl(option, argument, 0, 0, 0)`; `ENOSYS` if the symbol is missing.
    static func prctl(_ option: Int32, _ argument: UInt) throws {
        guard let call = prctlFunction else { throw SystemCallError("prctl", code: ENOSYS) }
        if call(option, argument, 0, 0, 0) == -1 { throw SystemCallError.lastError("prctl") }
    }

    /// `pipe2(fds, flags)`; falls back to `pipe` + `FD_CLOEXEC` only if the symbol is missing.
    static func pipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32 {
        if let call = pipe2Function { return call(fds, flags) }
        let result = Glibc.pipe(fds)
        if result == 0 && flags & O_CLOEXEC != 0 {
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        }
        return result
    }
}
