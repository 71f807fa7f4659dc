#if canImport(Glibc)
import Glibc
#endif

/// Both ends of a kernel pipe, created close-on-exec so that a worker started with
/// `posix_spawn` never inherits a stray pipe end that would keep a reader from seeing EOF.
///
/// Not called `Pipe`: that name would make every `Pipe()` ambiguous in files that also import
/// Foundation.
public struct ProcessPipe: Sendable, Hashable {
    public let readEnd: FileDescriptor
    public let writeEnd: FileDescriptor

    /// Creates a pipe with `pipe2(O_CLOEXEC)`. Inheritance across `fork` is unaffected; only
    /// `exec` drops the ends, which is what we want everywhere in this layer.
    public init() throws {
        var fds: [Int32] = [0, 0]
        if LinuxCalls.pipe2(&fds, O_CLOEXEC) == -1 { throw SystemCallError.lastError("pipe2") }
        readEnd = FileDescriptor(rawValue: fds[0])
        writeEnd = FileDescriptor(rawValue: fds[1])
    }

    /// Closes both ends, ignoring errors.
    public func closeQuietly() {
        readEnd.closeQuietly()
        writeEnd.closeQuietly()
    }
}
