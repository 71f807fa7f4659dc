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
        var failure: String?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let n = Foundation.write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errnoText()
                    return
                }
                offset += n
            }
        }
        if failure == nil, durable, fsync(fd) != 0 { failure = errnoText() }
        if close(fd) != 0, failure == nil { failure = errnoText() }
        if failure == nil, rename(temp.path, url.path) != 0 { failure = errnoText() }
        if let failure {
            unlink(temp.path)
            throw ReportError.writeFailed(path: url.path, reason: failure)
        }
    }

    public static func write(_ text: String, to url: URL, durable: Bool = false) throws {
        try write(Data(text.utf8), to: url, durable: durable)
    }

    /// Whether a file name is one of our temporary files (for scans to skip).
    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(".tmp")
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
