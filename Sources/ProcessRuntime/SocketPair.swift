#if canImport(Glibc)
import Glibc
#endif

/// Two connected Unix stream sockets: one descriptor per end that both reads and writes, which
/// is what CPython's duplex `ProcessPipe()` is built on (a pair of one-way `ProcessPipe`s serves
/// `Pipe(duplex=False)`). Framing works on sockets exactly as on pipes.
public struct SocketPair: Sendable, Hashable {
    public let first: FileDescriptor
    public let second: FileDescriptor

    /// Creates the pair close-on-exec (`SOCK_CLOEXEC`), like `ProcessPipe`.
    public init() throws {
        var fds: [Int32] = [0, 0]
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        if socketpair(AF_UNIX, type, 0, &fds) == -1 { throw SystemCallError.lastError("socketpair") }
        first = FileDescriptor(rawValue: fds[0])
        second = FileDescriptor(rawValue: fds[1])
    }

    public func closeQuietly() {
        first.closeQuietly()
        second.closeQuietly()
    }
}
