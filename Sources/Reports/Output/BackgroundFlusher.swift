import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes files already written durable (`fsync` of each file, then of their directories) on a
/// thread of its own, so that the batch's loop does not wait for the disk.
///
/// Why: a durable result write costs an `fsync` (≈ 5 ms on this machine's disk, more on a
/// network one). Done in the orchestrator's loop, every finished worker waited that long for
/// its next sheet. The batch now writes each result atomically without `fsync` (readers and a
/// killed process already see the whole file: the kernel holds it), and hands the file here to
/// reach the disk moments later. A power cut in between can at worst leave a result file empty
/// or torn, which a rerun cannot decode and so regrades; it never trusts half a result.
///
/// Starts its thread on the first `flush` and ends it in `finish()`, so a process that must be
/// single-threaded again afterwards (to fork) is. Not for use while the same process forks.
public final class BackgroundFlusher: @unchecked Sendable {
    // Every field below is guarded by `condition`.
    private let condition = NSCondition()
    private var pending: [URL] = []
    private var directories: Set<String> = []
    private var failures: [String] = []
    private var running = false
    private var closing = false

    public init() {}

    /// Queues a file to be flushed (and its directory, at the end).
    public func flush(_ url: URL) {
        condition.lock()
        defer { condition.unlock() }
        pending.append(url)
        directories.insert(url.deletingLastPathComponent().path)
        if !running {
            running = true
            closing = false
            let thread = Thread { [self] in drain() }
            thread.name = "result-flusher"
            thread.start()
        }
        condition.signal()
    }

    /// Waits until every queued file and directory is flushed and the thread has ended; returns
    /// what could not be flushed (one line per file).
    public func finish() -> [String] {
        condition.lock()
        defer { condition.unlock() }
        closing = true
        condition.broadcast()
        while running { condition.wait() }
        let result = failures
        failures = []
        return result
    }

    private func drain() {
        condition.lock()
        while true {
            while pending.isEmpty && !closing { condition.wait() }
            if pending.isEmpty {
                // Closing and nothing left: the directories' entries (the renames) last.
                let folders = directories
                directories = []
                condition.unlock()
                let errors = folders.sorted().compactMap { Self.sync(path: $0, directory: true) }
                condition.lock()
                failures += errors
                running = false
                condition.broadcast()
                condition.unlock()
                return
            }
            let batch = pending
            pending = []
            condition.unlock()
            let errors = batch.compactMap { Self.sync(path: $0.path, directory: false) }
            condition.lock()
            failures += errors
        }
    }

    /// `fsync`s one file or directory; nil on success, else what went wrong.
    static func sync(path: String, directory: Bool) -> String? {
        let fd = open(path, (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC)
        guard fd >= 0 else {
            // A file replaced or pruned since is not ours to flush any more.
            return errno == ENOENT ? nil : "\(path): cannot open to flush: \(String(cString: strerror(errno)))"
        }
        defer { close(fd) }
        return fsync(fd) == 0 ? nil : "\(path): cannot flush to disk: \(String(cString: strerror(errno)))"
    }
}
