import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing a file so that readers see either the old content or the new, never half of it:
/// the data goes to a temporary file in the same directory (so the rename cannot cross file
/// systems) and is renamed over the target, which POSIX makes atomic.
///
/// A killed process (Ctrl-C, a CI timeout) needs nothing more: the kernel already holds the
/// written data. Surviving a power cut also needs an `fsync` before the rename, which costs
/// milliseconds per file; `durable: true` asks for it, and `ResultStore` uses it for the
/// per-sheet results (the record of what was graded) while the reports, regenerated from those
/// at every run, skip it.
///
/// This is what lets a batch be killed at any moment without leaving a truncated result file
/// that a rerun would trust. The temporary name starts with `.` and ends with `.tmp` so that
/// directory scans (`ResultStore`) skip it; on failure it is removed.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL, durable: Bool = false) throws {
        try write(to: url, durable: durable) { sink in try sink.write(data) }
    }

    /// Writes a file piece by piece through `body` (for a file too big to build in memory
    /// first, such as a large batch's `results.json`), atomically like `write(_:to:durable:)`:
    /// if `body` throws, the target is left as it was.
    public static func write(to url: URL, durable: Bool = false, _ body: (AtomicFileSink) throws -> Void) throws {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportError.writeFailed(path: directory.path, reason: "cannot create the directory: \(error.localizedDescription)")
        }
        let temp = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: .min ... .max)).tmp")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ReportError.writeFailed(path: url.path, reason: "cannot create a temporary file: \(errnoText())")
        }
        let sink = AtomicFileSink(descriptor: fd, path: url.path)
        var failure: (any Error)?
        do {
            try body(sink)
            try sink.flush()
        } catch {
            failure = error
        }
        if failure == nil, durable, fsync(fd) != 0 { failure = ReportError.writeFailed(path: url.path, reason: errnoText()) }
        if close(fd) != 0, failure == nil { failure = ReportError.writeFailed(path: url.path, reason: errnoText()) }
        if failure == nil, rename(temp.path, url.path) != 0 { failure = ReportError.writeFailed(path: url.path, reason: errnoText()) }
        if let failure {
            unlink(temp.path)
            throw failure
        }
    }

    public static func write(_ text: String, to url: URL, durable: Bool = false) throws {
        try write(Data(text.utf8), to: url, durable: durable)
    }

    /// Whether a file name is one of our temporary files (for scans to skip).
    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(".tmp")
    }

    static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}

/// Where `AtomicFile.write(to:durable:_:)` puts the pieces: buffered, written to the temporary
/// file in large blocks.
public final class AtomicFileSink {
    private let descriptor: Int32
    private let path: String
    private var buffer: [UInt8] = []
    static let blockSize = 1 << 16

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
        buffer.reserveCapacity(Self.blockSize)
    }

    public func write(_ data: Data) throws {
        try data.withUnsafeBytes { try write($0) }
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        if buffer.count + bytes.count > Self.blockSize { try flush() }
        if bytes.count >= Self.blockSize {
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Writes what is buffered.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count, let base = bytes.baseAddress {
            let n = Foundation.write(descriptor, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw ReportError.writeFailed(path: path, reason: AtomicFile.errnoText())
            }
            offset += n
        }
    }
}
