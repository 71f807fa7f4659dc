#if canImport(Glibc)
import Glibc
#endif

/// What a freshly forked child does before running its job, and how it ends.
public enum ChildSide {
    /// Ends the process at once with `code`, after flushing stdio. Uses `_exit`, never `exit`: a
    /// forked child must not run the parent's `atexit` handlers or flush buffers it inherited.
    public static func exit(_ code: Int32) -> Never {
        fflush(nil)
        _exit(code)
    }

    /// Restores the default action of every catchable signal and unblocks all signals, so a child
    /// does not inherit, say, an ignored `SIGTERM` that would make `terminate()` useless.
    public static func resetSignalDispositions() {
        for signal in 1...__libc_current_sigrtmax() where signal != SIGKILL && signal != SIGSTOP {
            Glibc.signal(signal, SIG_DFL)
        }
        var empty = sigset_t()
        sigemptyset(&empty)
        sigprocmask(SIG_SETMASK, &empty, nil)
    }

    /// Ignores `signal` (e.g. `SIGPIPE`, so a write to a closed pipe fails with `EPIPE`).
    public static func ignore(_ signal: Int32) {
        Glibc.signal(signal, SIG_IGN)
    }

    /// Closes every inherited descriptor except 0, 1, 2 and those in `keeping`, so a child never
    /// holds a pipe end that would keep another reader from seeing end of file.
    public static func closeInheritedDescriptors(keeping: Set<Int32> = []) {
        closeInheritedDescriptors(keepingList: Array(keeping))
    }

    /// The same, for a short list. (A freshly forked child pays ≈ 0.4 M instructions the first
    /// time it builds a `Set<Int32>`, for the runtime's type metadata and conformance lookups,
    /// unless the parent already did: the sandbox's child uses this array form.)
    static func closeInheritedDescriptors(keepingList keeping: [Int32]) {
        let keep = keeping + [0, 1, 2]
        if closeRanges(around: keep) { return }
        var open: [Int32] = []
        if let directory = opendir("/proc/self/fd") {
            let own = dirfd(directory)
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if let fd = Int32(name), fd != own { open.append(fd) }
            }
            closedir(directory)
        } else {
            var limit = rlimit()
            getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
            let highest = Int32(clamping: min(limit.rlim_cur, 65_536))
            open = Array(3..<max(3, highest))
        }
        for fd in open where !keep.contains(fd) {
            _ = Glibc.close(fd)
        }
    }

    /// Closes everything outside `keep` with `close_range(2)`, one call per gap: a fork server's
    /// cell pays no `/proc/self/fd` listing. False if the call is unavailable; a range that
    /// fails part way leaves the rest to the caller's scan, which closes what is still open.
    private static func closeRanges(around keep: [Int32]) -> Bool {
        var first: UInt32 = 0
        for fd in keep.sorted() where fd >= 0 {
            let kept = UInt32(fd)
            if kept > first, !LinuxCalls.closeRange(first, kept - 1) { return false }
            first = max(first, kept + 1)
        }
        return LinuxCalls.closeRange(first, UInt32.max)
    }

    /// Points standard input at `/dev/null`, as CPython does for a `Process` child, so a child
    /// that reads input gets end of file instead of competing for the parent's terminal.
    public static func redirectStandardInputToDevNull() throws {
        let null = try FileDescriptor.openDevNull()
        try null.duplicate(onto: .standardInput)
        null.closeQuietly()
    }

    /// Asks the kernel to send `signal` to this process when its parent dies
    /// (`PR_SET_PDEATHSIG`), and sends it now if the parent is already gone (the request only
    /// covers deaths that happen after it). `expectedParent` is the pid the child was forked from.
    public static func dieWithParent(signal: Int32 = SIGKILL, expectedParent: pid_t) {
        try? LinuxCalls.prctl(LinuxCalls.prSetParentDeathSignal, UInt(signal))
        if getppid() != expectedParent { raise(signal) }
    }
}
