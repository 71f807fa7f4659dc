#if canImport(Glibc)
import Glibc
#endif

/// What to wait for on one descriptor.
public struct PollEvents: OptionSet, Sendable, Hashable {
    public let rawValue: Int16
    public init(rawValue: Int16) { self.rawValue = rawValue }

    public static let readable = PollEvents(rawValue: Int16(POLLIN))
    public static let writable = PollEvents(rawValue: Int16(POLLOUT))
    /// Reported only: the other end closed (a pipe reader sees this after the last writer left).
    public static let hangUp = PollEvents(rawValue: Int16(POLLHUP))
    /// Reported only: an error condition on the descriptor.
    public static let error = PollEvents(rawValue: Int16(POLLERR))
    /// Reported only: the descriptor is not open.
    public static let invalid = PollEvents(rawValue: Int16(POLLNVAL))
}

/// One descriptor and the events asked for.
public struct PollRequest: Sendable, Hashable {
    public let descriptor: FileDescriptor
    public let events: PollEvents

    public init(_ descriptor: FileDescriptor, events: PollEvents = .readable) {
        self.descriptor = descriptor
        self.events = events
    }
}

/// A descriptor that is ready, with what the kernel reported. A readable pipe at end of file is
/// reported as `.hangUp` (possibly together with `.readable` while data remains): read it until
/// `read` returns no bytes.
public struct PollResult: Sendable, Hashable {
    public let descriptor: FileDescriptor
    public let events: PollEvents
}

/// Waits on several descriptors at once with `poll(2)`.
///
/// Used by the sandbox to drain stdout, stderr and the record channel together (draining one at a
/// time deadlocks as soon as a child fills the other pipe), and by the worker pool to watch every
/// busy worker.
public enum Poller {
    /// Waits until at least one request is ready or the deadline passes. Returns the ready ones
    /// (empty on timeout). `EINTR` restarts the wait with the time that is left.
    public static func wait(for requests: [PollRequest], deadline: Deadline) throws -> [PollResult] {
        if requests.isEmpty {
            // Nothing to wait for: waiting forever would never end.
            guard let remaining = deadline.remainingSeconds else {
                throw SystemCallError("poll(no descriptors, no deadline)", code: EINVAL)
            }
            MonotonicClock.sleep(seconds: remaining)
            return []
        }
        var fds = requests.map { pollfd(fd: $0.descriptor.rawValue, events: $0.events.rawValue, revents: 0) }
        while true {
            let count = poll(&fds, nfds_t(fds.count), deadline.pollTimeoutMilliseconds)
            if count > 0 {
                return fds.compactMap { entry in
                    entry.revents == 0
                        ? nil
                        : PollResult(descriptor: FileDescriptor(rawValue: entry.fd), events: PollEvents(rawValue: entry.revents))
                }
            }
            if count == 0 { return [] }
            if errno != EINTR { throw SystemCallError.lastError("poll") }
            if deadline.hasExpired { return [] }
        }
    }

    /// Convenience: waits up to `timeout` seconds (nil: forever) for any of `descriptors` to be
    /// readable or hung up, and returns those that are.
    public static func readable(_ descriptors: [FileDescriptor], timeout: Double?) throws -> [FileDescriptor] {
        try wait(for: descriptors.map { PollRequest($0) }, deadline: Deadline(secondsFromNow: timeout))
            .map(\.descriptor)
    }
}
