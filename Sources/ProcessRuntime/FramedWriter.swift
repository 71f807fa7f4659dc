#if canImport(Glibc)
import Glibc
#endif

/// Writes length-prefixed messages: a 4-byte big-endian length, then the payload.
///
/// Header and payload go out in one buffer, so a frame of at most `PIPE_BUF` (4096) bytes is a
/// single atomic pipe write and can never interleave with another writer's frame. Larger frames
/// from several processes on one pipe must be serialised by the caller (a `ProcessLock` around
/// `write`), as CPython's `Queue` does with its write lock.
public struct FramedWriter: Sendable {
    public let descriptor: FileDescriptor
    /// Largest payload accepted; matches the 4-byte header's range by default.
    public let maxFrameLength: Int

    public init(descriptor: FileDescriptor, maxFrameLength: Int = Int(UInt32.max)) {
        self.descriptor = descriptor
        self.maxFrameLength = min(maxFrameLength, Int(UInt32.max))
    }

    /// Writes one message, blocking until all of it is in the pipe.
    /// Throws `FramingError.peerClosed` if no reader is left (needs `SIGPIPE` ignored; otherwise
    /// the signal kills the process first, which is the default for a sandboxed child).
    public func write(_ payload: some Collection<UInt8>) throws {
        try write(payload, deadline: .never)
    }

    /// Writes one message, waiting for room in the pipe until `deadline` at most. The descriptor
    /// must be non-blocking for the deadline to matter (a blocking write cannot be interrupted).
    /// Throws `FramingError.writeTimedOut` if the deadline passes; the channel then holds a
    /// partial frame and must be abandoned.
    public func write(_ payload: some Collection<UInt8>, deadline: Deadline) throws {
        let length = payload.count
        guard length <= maxFrameLength else {
            throw FramingError.frameTooLarge(length: length, limit: maxFrameLength)
        }
        var frame = [UInt8]()
        frame.reserveCapacity(length + 4)
        frame.append(UInt8(truncatingIfNeeded: length >> 24))
        frame.append(UInt8(truncatingIfNeeded: length >> 16))
        frame.append(UInt8(truncatingIfNeeded: length >> 8))
        frame.append(UInt8(truncatingIfNeeded: length))
        frame.append(contentsOf: payload)
        let written: Int
        do {
            written = try descriptor.writeAll(frame, deadline: deadline)
        } catch let error as SystemCallError where error.code == EPIPE {
            throw FramingError.peerClosed
        }
        if written < frame.count {
            throw FramingError.writeTimedOut(written: written, total: frame.count)
        }
    }

    /// Writes a UTF-8 string as one message.
    public func write(_ text: String) throws {
        try write(Array(text.utf8))
    }
}
