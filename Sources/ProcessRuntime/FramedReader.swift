#if canImport(Glibc)
import Glibc
#endif

/// What a read with a timeout produced.
public enum FramedReadResult: Equatable, Sendable {
    /// A whole message.
    case message([UInt8])
    /// The time ran out first. A partly received frame is kept; the next read resumes it.
    case timedOut
    /// The writer closed the stream cleanly between frames.
    case endOfStream
}

/// Reads length-prefixed messages written by `FramedWriter`.
///
/// It never reads past the end of the current frame, so several processes may share one pipe's
/// read end (CPython's `Queue` with many consumers) provided they take turns with a lock: no
/// reader ever swallows bytes that belong to the next reader's frame. A read that times out
/// mid-frame keeps what it has and resumes on the next call. A class because it carries that
/// partial frame between calls.
///
/// With a shared read end, a partial frame kept in one process is lost to the others: there,
/// wait for readability with `Poller` (that is where the timeout goes), then call the blocking
/// `read()` while holding the shared lock, which always completes the frame — CPython's
/// `Queue.get(timeout=)` works the same way.
public final class FramedReader {
    public let descriptor: FileDescriptor
    /// Largest payload accepted; a bigger header is reported as `FramingError.frameTooLarge`.
    public let maxFrameLength: Int

    private var header: [UInt8] = []
    private var payload: [UInt8] = []
    private var expectedLength: Int?
    /// Reused for every `read(2)`, so a large frame arriving in pipe-sized pieces does not
    /// allocate a buffer per piece.
    private var scratch = [UInt8](repeating: 0, count: 1 << 16)

    public init(descriptor: FileDescriptor, maxFrameLength: Int = 1 << 30) {
        self.descriptor = descriptor
        self.maxFrameLength = maxFrameLength
    }

    /// True while a frame has been started but not finished.
    public var isMidFrame: Bool { !header.isEmpty }

    /// Blocks for the next message; nil at a clean end of stream.
    /// Throws `FramingError.truncatedFrame` when the stream ends inside a frame.
    public func read() throws -> [UInt8]? {
        while true {
            switch try read(deadline: .never) {
            case let .message(bytes): return bytes
            case .endOfStream: return nil
            case .timedOut: continue  // not expected without a deadline; wait again
            }
        }
    }

    /// Waits at most `timeout` seconds (nil: forever) for the next message.
    public func read(timeout: Double?) throws -> FramedReadResult {
        try read(deadline: Deadline(secondsFromNow: timeout))
    }

    /// Reads whatever is available right now without waiting, completing at most one message.
    /// Used by event loops after `Poller` reported the descriptor readable.
    public func readAvailable() throws -> FramedReadResult {
        try read(deadline: Deadline(secondsFromNow: 0))
    }

    public func read(deadline: Deadline) throws -> FramedReadResult {
        while true {
            let wanted = expectedLength.map { $0 - payload.count } ?? 4 - header.count
            if wanted == 0, expectedLength != nil {
                let message = payload
                header = []
                payload = []
                expectedLength = nil
                return .message(message)
            }
            // Wait first, so that a blocking descriptor never blocks past the deadline and a
            // non-blocking one never spins.
            let ready = try Poller.wait(for: [PollRequest(descriptor)], deadline: deadline)
            if ready.isEmpty { return .timedOut }
            guard let chunk = try readChunk(maxCount: wanted) else {
                continue  // another reader took the bytes first; wait again
            }
            if chunk.isEmpty {
                if header.isEmpty { return .endOfStream }
                let received = header.count + payload.count
                let expected = 4 + (expectedLength ?? 0)
                header = []
                payload = []
                expectedLength = nil
                throw FramingError.truncatedFrame(expected: max(expected, received + 1), received: received)
            }
            if expectedLength == nil {
                header.append(contentsOf: chunk)
                if header.count == 4 {
                    let length = header.reduce(0) { ($0 << 8) | Int($1) }
                    guard length <= maxFrameLength else {
                        header = []
                        throw FramingError.frameTooLarge(length: length, limit: maxFrameLength)
                    }
                    expectedLength = length
                    // Grow with the data rather than trusting the header for a huge reservation.
                    payload.reserveCapacity(min(length, 1 << 20))
                }
            } else {
                payload.append(contentsOf: chunk)
            }
        }
    }

    /// One `read(2)` of at most `maxCount` bytes into the scratch buffer: the bytes, empty at end
    /// of file, nil when a non-blocking descriptor had nothing after all.
    private func readChunk(maxCount: Int) throws -> ArraySlice<UInt8>? {
        let limit = min(maxCount, scratch.count)
        while true {
            let count = scratch.withUnsafeMutableBytes { Glibc.read(descriptor.rawValue, $0.baseAddress, limit) }
            if count >= 0 { return scratch[0..<count] }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { return nil }
            throw SystemCallError.lastError("read")
        }
    }
}
