#if canImport(Glibc)
import Glibc
#endif

/// One end of `multiprocessing.Pipe()`: framed byte messages over a Unix socket pair, shared
/// with forked children by inheritance (both processes hold both ends after `fork`, exactly as
/// in CPython, so end of file arrives only when *every* copy of the other end is closed).
///
/// Sending uses `send(MSG_NOSIGNAL)` (`SocketFrames`), so writing to a vanished peer raises
/// Python's `BrokenPipeError` instead of killing the process with `SIGPIPE`. A large message
/// blocks `send` until the other side reads it, as in CPython.
public final class ProcessConnection {
    public let readable: Bool
    public let writable: Bool
    private let socket: FileDescriptor
    private let reader: FramedReader
    public private(set) var isClosed = false

    init(socket: FileDescriptor, readable: Bool, writable: Bool) {
        self.socket = socket
        self.readable = readable
        self.writable = writable
        reader = FramedReader(descriptor: socket)
    }

    /// `Pipe(duplex)`: two connected ends. With `duplex: false` the first end only receives and
    /// the second only sends, as CPython's `(reader, writer)`.
    public static func pipe(duplex: Bool = true) throws -> (ProcessConnection, ProcessConnection) {
        let pair: SocketPair
        do { pair = try SocketPair() } catch let error as SystemCallError { throw ConnectionError.system(error) }
        if duplex {
            return (
                ProcessConnection(socket: pair.first, readable: true, writable: true),
                ProcessConnection(socket: pair.second, readable: true, writable: true)
            )
        }
        return (
            ProcessConnection(socket: pair.first, readable: true, writable: false),
            ProcessConnection(socket: pair.second, readable: false, writable: true)
        )
    }

    /// The descriptor, for `multiprocessing.connection.wait` (poll several at once); nil once
    /// closed.
    public var descriptor: FileDescriptor? { isClosed ? nil : socket }

    /// `send_bytes`/`send` (the engine pickles first).
    public func send(_ message: [UInt8]) throws {
        guard !isClosed else { throw ConnectionError.closed }
        guard writable else { throw ConnectionError.readOnly }
        do {
            try SocketFrames.send(message, on: socket)
        } catch FramingError.peerClosed {
            throw ConnectionError.brokenPipe
        } catch let error as SystemCallError {
            throw ConnectionError.system(error)
        }
    }

    /// `recv_bytes`/`recv`: blocks for the next message; `EOFError` when the other end is
    /// closed (or died mid-message) and nothing is left.
    public func receive() throws -> [UInt8] {
        guard !isClosed else { throw ConnectionError.closed }
        guard readable else { throw ConnectionError.writeOnly }
        do {
            guard let message = try reader.read() else { throw ConnectionError.endOfFile }
            return message
        } catch let error as ConnectionError {
            throw error
        } catch is FramingError {
            throw ConnectionError.endOfFile
        } catch let error as SystemCallError where error.code == ECONNRESET {
            throw ConnectionError.endOfFile
        } catch let error as SystemCallError {
            throw ConnectionError.system(error)
        }
    }

    /// `poll(timeout)`: whether a `receive` would not block (a message, or end of file, is
    /// waiting). CPython's default timeout is 0; nil waits forever.
    public func poll(timeout: Double? = 0) throws -> Bool {
        guard !isClosed else { throw ConnectionError.closed }
        guard readable else { throw ConnectionError.writeOnly }
        if reader.isMidFrame { return true }
        do {
            return try !Poller.readable([socket], timeout: timeout).isEmpty
        } catch let error as SystemCallError {
            throw ConnectionError.system(error)
        }
    }

    /// `close()`: releases this process's copy of the end. Closing twice is allowed.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        socket.closeQuietly()
    }

    deinit {
        close()
    }
}
