#if canImport(Glibc)
import Glibc
#endif

/// A raw file descriptor with the few operations this layer needs.
///
/// A plain value, not an owner that closes on `deinit`: after `fork` two processes hold the same
/// numbers and each must decide what to close, so closing is always explicit.
public struct FileDescriptor: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    public static let standardInput = FileDescriptor(rawValue: 0)
    public static let standardOutput = FileDescriptor(rawValue: 1)
    public static let standardError = FileDescriptor(rawValue: 2)

    public var description: String { "fd \(rawValue)" }

    /// Closes the descriptor. `EINTR` from `close` is not retried: on Linux the descriptor is
    /// released anyway and retrying could close a number reused by someone else.
    public func close() throws {
        if Glibc.close(rawValue) == -1 && errno != EINTR {
            throw SystemCallError.lastError("close")
        }
    }

    /// Closes and ignores errors: for cleanup paths where there is nothing left to do about one.
    public func closeQuietly() {
        _ = Glibc.close(rawValue)
    }

    /// Makes `target` refer to this descriptor's open file (`dup2`), retrying on `EINTR`.
    public func duplicate(onto target: FileDescriptor) throws {
        while dup2(rawValue, target.rawValue) == -1 {
            if errno != EINTR { throw SystemCallError.lastError("dup2") }
        }
    }

    /// A new descriptor for the same open file, with close-on-exec set.
    public func duplicate() throws -> FileDescriptor {
        let copy = fcntl(rawValue, F_DUPFD_CLOEXEC, 3)
        if copy == -1 { throw SystemCallError.lastError("fcntl(F_DUPFD_CLOEXEC)") }
        return FileDescriptor(rawValue: copy)
    }

    /// Sets or clears `O_NONBLOCK`. Note that the flag belongs to the open file description, so
    /// every process sharing this pipe end sees the change.
    public func setNonBlocking(_ nonBlocking: Bool) throws {
        let flags = fcntl(rawValue, F_GETFL)
        if flags == -1 { throw SystemCallError.lastError("fcntl(F_GETFL)") }
        let updated = nonBlocking ? flags | O_NONBLOCK : flags & ~O_NONBLOCK
        if fcntl(rawValue, F_SETFL, updated) == -1 { throw SystemCallError.lastError("fcntl(F_SETFL)") }
    }

    /// Sets or clears close-on-exec.
    public func setCloseOnExec(_ closeOnExec: Bool) throws {
        let flags = fcntl(rawValue, F_GETFD)
        if flags == -1 { throw SystemCallError.lastError("fcntl(F_GETFD)") }
        let updated = closeOnExec ? flags | FD_CLOEXEC : flags & ~FD_CLOEXEC
        if fcntl(rawValue, F_SETFD, updated) == -1 { throw SystemCallError.lastError("fcntl(F_SETFD)") }
    }

    /// One `read(2)`, retried on `EINTR`. Returns the bytes read (empty at end of file), or nil
    /// when the descriptor is non-blocking and nothing is available.
    public func readSome(maxCount: Int) throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: max(1, maxCount))
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(rawValue, $0.baseAddress, $0.count) }
            if count >= 0 {
                buffer.removeSubrange(count...)
                return buffer
            }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { return nil }
            throw SystemCallError.lastError("read")
        }
    }

    /// Writes all of `bytes`, handling partial writes, `EINTR`, and `EAGAIN` on a non-blocking
    /// descriptor (by waiting for it to become writable, until `deadline`).
    /// - Returns: the number of bytes written, less than `bytes.count` only if the deadline passed.
    @discardableResult
    public func writeAll(_ bytes: some Collection<UInt8>, deadline: Deadline = .never) throws -> Int {
        if let array = bytes as? [UInt8] { return try writeAll(array: array, deadline: deadline) }
        return try writeAll(array: Array(bytes), deadline: deadline)
    }

    private func writeAll(array contiguous: [UInt8], deadline: Deadline) throws -> Int {
        var offset = 0
        while offset < contiguous.count {
            let written = contiguous.withUnsafeBytes { raw in
                Glibc.write(rawValue, raw.baseAddress! + offset, raw.count - offset)
            }
            if written >= 0 {
                offset += written
                continue
            }
            switch errno {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                let ready = try Poller.wait(for: [PollRequest(self, events: .writable)], deadline: deadline)
                if ready.isEmpty { return offset }
            default:
                throw SystemCallError.lastError("write")
            }
        }
        return offset
    }

    /// Opens `/dev/null` for reading and writing (close-on-exec).
    public static func openDevNull() throws -> FileDescriptor {
        let fd = open("/dev/null", O_RDWR | O_CLOEXEC)
        if fd == -1 { throw SystemCallError.lastError("open(/dev/null)") }
        return FileDescriptor(rawValue: fd)
    }
}
