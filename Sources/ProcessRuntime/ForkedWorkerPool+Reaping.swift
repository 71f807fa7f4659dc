#if canImport(Glibc)
import Glibc
#endif

extension ForkedWorkerPool {
    /// Reaps a worker that is ending (its socket reported end of stream, or it was just sent
    /// `SIGTERM`), waiting at most `timeout` seconds; nil if it is still running then.
    ///
    /// Why not `ChildProcess.wait(timeout:)` alone: a worker closes its socket a moment before
    /// the kernel makes it reapable, so the first `waitpid` usually misses and that method then
    /// sleeps 0.5 ms (and more) per worker, which every `Pool` paid on `close`/`join` and on
    /// `terminate` (`with Pool(...)`). A pidfd becomes readable exactly when the process exits,
    /// so `poll` on it wakes at that moment; where pidfds are unavailable the sleeping wait
    /// remains.
    static func awaitExit(of process: ChildProcess, timeout: Double) -> ExitStatus? {
        if let status = try? process.tryWait() { return status }
        let deadline = Deadline(secondsFromNow: timeout)
        if let descriptor = ProcessDescriptor.open(process.pid) {
            defer { _ = Glibc.close(descriptor) }
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            while poll(&entry, 1, deadline.pollTimeoutMilliseconds) == -1 && errno == EINTR {}
        }
        if let status = try? process.tryWait() { return status }
        return try? process.wait(timeout: deadline.remainingSeconds ?? timeout)
    }
}

/// `pidfd_open(2)` (Linux 5.3, glibc 2.36), looked up at run time like the calls in
/// `LinuxCalls`: the `Glibc` module does not import it.
enum ProcessDescriptor {
    typealias PidfdOpen = @convention(c) (pid_t, UInt32) -> Int32

    private static let function: PidfdOpen? = {
        guard let handle = dlopen(nil, RTLD_NOW), let pointer = dlsym(handle, "pidfd_open") else { return nil }
        return unsafeBitCast(pointer, to: PidfdOpen.self)
    }()

    /// A descriptor (close-on-exec) that polls readable once `pid` has exited; nil if the
    /// system has no pidfds or the process is gone.
    static func open(_ pid: pid_t) -> Int32? {
        guard let call = function else { return nil }
        let descriptor = call(pid, 0)
        return descriptor >= 0 ? descriptor : nil
    }
}
