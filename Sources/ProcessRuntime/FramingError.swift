/// Why a framed message could not be read or written.
public enum FramingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The stream ended after `received` of the `expected` bytes of a frame (header included):
    /// the writer died or closed mid-message. Never reported as a clean end of stream.
    case truncatedFrame(expected: Int, received: Int)
    /// A header announced more than the reader accepts; usually garbage on the channel.
    case frameTooLarge(length: Int, limit: Int)
    /// The reading side is gone (`EPIPE`), so the message cannot be delivered.
    case peerClosed
    /// A write with a deadline could only put `written` of `total` bytes into the pipe.
    case writeTimedOut(written: Int, total: Int)

    public var description: String {
        switch self {
        case let .truncatedFrame(expected, received):
            "stream ended in the middle of a message (\(received) of \(expected) bytes received)"
        case let .frameTooLarge(length, limit):
            "message of \(length) bytes exceeds the limit of \(limit) bytes"
        case .peerClosed:
            "the other end of the channel is closed"
        case let .writeTimedOut(written, total):
            "timed out writing a message (\(written) of \(total) bytes written)"
        }
    }
}
