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
    typealias CloseRange = @convention(c) (UInt32, UInt32, Int32) -> Int32
    typealias PidfdOpen = @convention(c) (pid_t, UInt32) -> Int32

    /// `PR_SET_PDEATHSIG` and `PR_SET_CHILD_SUBREAPER` from `<linux/prctl.h>` (stable kernel ABI).
    static let prSetParentDeathSignal: Int32 = 1
    static let prSetChildSubreaper: Int32 = 36

    nonisolated(unsafe) private static let handle = dlopen(nil, RTLD_NOW)

    static let pipe2Function: Pipe2? = symbol("pipe2", as: Pipe2.self)
    static let semClockwaitFunction: SemClockwait? = symbol("sem_clockwait", as: SemClockwait.self)
    static let prctlFunction: Prctl? = symbol("prctl", as: Prctl.self)
    /// glibc 2.34+ over Linux 5.9+'s `close_range(2)`.
    static let closeRangeFunction: CloseRange? = symbol("close_range", as: CloseRange.self)
    /// glibc 2.36+ over Linux 5.3+'s `pidfd_open(2)`.
    static let pidfdOpenFunction: PidfdOpen? = symbol("pidfd_open", as: PidfdOpen.self)

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

    /// Closes every descriptor from `first` through `last` in one system call. False when the
    /// call is unavailable (older glibc or kernel): the caller then closes them one by one.
    static func closeRange(_ first: UInt32, _ last: UInt32) -> Bool {
        guard let call = closeRangeFunction else { return false }
        return call(first, last, 0) == 0
    }

    /// A descriptor that polls readable once process `pid` (a child of ours) has ended, or nil
    /// when pidfds are unavailable. Always close-on-exec.
    static func pidfdOpen(_ pid: pid_t) -> FileDescriptor? {
        guard let call = pidfdOpenFunction else { return nil }
        let fd = call(pid, 0)
        return fd >= 0 ? FileDescriptor(rawValue: fd) : nil
    }
}
