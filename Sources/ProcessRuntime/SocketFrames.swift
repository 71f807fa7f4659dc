#if canImport(Glibc)
import Glibc
#endif

/// Writes `FramedReader`-compatible frames (4-byte big-endian length + payload) on a socket with
/// `send(MSG_NOSIGNAL)`.
///
/// Why not `FramedWriter`: it uses `write(2)`, which raises `SIGPIPE` when the peer is gone, and
/// the interpreter process cannot assume `SIGPIPE` is ignored (a student's process may restore
/// it). A pool must survive writing to a worker that was just killed, and a `Connection` must
/// turn a vanished peer into Python's `BrokenPipeError`, not into the death of the sender.
enum SocketFrames {
    /// Sends one frame, blocking until all of it is queued. Throws `FramingError.peerClosed` when
    /// the other end is closed (`EPIPE`/`ECONNRESET`).
    static func send(_ payload: [UInt8], on descriptor: FileDescriptor) throws {
        guard payload.count <= Int(UInt32.max) else {
            throw FramingError.frameTooLarge(length: payload.count, limit: Int(UInt32.max))
        }
        var frame = [UInt8]()
        frame.reserveCapacity(payload.count + 4)
        let length = payload.count
        frame.append(UInt8(truncatingIfNeeded: length >> 24))
        frame.append(UInt8(truncatingIfNeeded: length >> 16))
        frame.append(UInt8(truncatingIfNeeded: length >> 8))
        frame.append(UInt8(truncatingIfNeeded: length))
        frame.append(contentsOf: payload)
        var offset = 0
        while offset < frame.count {
            let sent = frame.withUnsafeBytes { raw in
                Glibc.send(descriptor.rawValue, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent >= 0 {
                offset += sent
                continue
            }
            switch errno {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                _ = try Poller.wait(for: [PollRequest(descriptor, events: .writable)], deadline: .never)
            case EPIPE, ECONNRESET:
                throw FramingError.peerClosed
            default:
                throw SystemCallError.lastError("send")
            }
        }
    }
}
