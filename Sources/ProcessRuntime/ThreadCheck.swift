#if canImport(Glibc)
import Glibc
#endif

/// Counts the threads of the current process, the precondition for a safe `fork`.
///
/// Swift concurrency and Dispatch start threads lazily; a `fork` taken while another thread holds
/// a lock (malloc's, the Swift runtime's, stdio's) leaves the child with that lock held forever.
/// The only reliable guard is to count the threads right before forking.
public enum ThreadCheck {
    /// The number of entries in `/proc/self/task`, i.e. the live threads of this process.
    public static func threadCount() throws -> Int {
        guard let directory = opendir("/proc/self/task") else {
            throw SystemCallError.lastError("opendir(/proc/self/task)")
        }
        defer { closedir(directory) }
        var count = 0
        while let entry = readdir(directory) {
            if entry.pointee.d_name.0 != UInt8(ascii: ".") { count += 1 }
        }
        return count
    }

    /// Throws `ForkError.multipleThreads` unless this process has exactly one thread.
    public static func requireSingleThreaded() throws {
        let count = try threadCount()
        if count != 1 { throw ForkError.multipleThreads(count) }
    }
}
