#if canImport(Glibc)
import Glibc
#endif

/// How many processes of a process tree want a CPU right now: the signal `WorkerPool` grows on.
///
/// A process in state `R` is running or waiting for a CPU (runnable); anything else (`S`
/// sleeping in `time.sleep` or on a pipe, `D` in I/O, `Z`, `T`) holds no core. Counting
/// runnable processes rather than CPU time used keeps the signal independent of what else the
/// machine runs: a worker that computes while other programs take the CPUs is still `R`, so a
/// busy machine never looks like sleeping workers.
///
/// The tree is walked through `/proc/<pid>/task/<tid>/children` of every thread. Processes that
/// end while being read are skipped.
public enum ProcessTreeActivity {
    /// Whether this kernel lists children in `/proc/<pid>/task/<tid>/children`
    /// (`CONFIG_PROC_CHILDREN`): without it a worker waiting for its sandboxed run would look
    /// idle, so a pool must not grow on the count.
    public static var isAvailable: Bool {
        let pid = getpid()
        return access("/proc/\(pid)/task/\(pid)/children", R_OK) == 0
    }

    /// Runnable processes among `root` and its descendants (at most `limit` processes visited,
    /// so a fork bomb inside a sandbox cannot make sampling slow). A process counts once if any
    /// of its threads is runnable.
    public static func runnableCount(root: pid_t, limit: Int = 256) -> Int {
        var pending: [pid_t] = [root]
        var visited = 0
        var runnable = 0
        while let pid = pending.popLast(), visited < limit {
            visited += 1
            var anyRunnable = false
            for thread in threads(of: pid) {
                if !anyRunnable, state(of: pid, thread: thread) == UInt8(ascii: "R") { anyRunnable = true }
                pending += children(of: pid, thread: thread)
            }
            if anyRunnable { runnable += 1 }
        }
        return runnable
    }

    /// The thread ids of a process (`/proc/<pid>/task`); empty once it is gone.
    static func threads(of pid: pid_t) -> [pid_t] {
        guard let directory = opendir("/proc/\(pid)/task") else { return [] }
        defer { closedir(directory) }
        var result: [pid_t] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if let tid = pid_t(name) { result.append(tid) }
        }
        return result
    }

    /// The one-letter state from `/proc/<pid>/task/<tid>/stat` (after the command name, which
    /// may hold spaces and parentheses, so the last `)` is what counts), or nil if it is gone.
    static func state(of pid: pid_t, thread: pid_t) -> UInt8? {
        guard let bytes = ProcFile.read("/proc/\(pid)/task/\(thread)/stat"), let close = bytes.lastIndex(of: UInt8(ascii: ")")),
              close + 2 < bytes.count else { return nil }
        return bytes[close + 2]
    }

    static func children(of pid: pid_t, thread: pid_t) -> [pid_t] {
        guard let bytes = ProcFile.read("/proc/\(pid)/task/\(thread)/children") else { return [] }
        return bytes.split(separator: UInt8(ascii: " ")).compactMap { Int32(String(decoding: $0, as: UTF8.self)) }
    }
}

/// Memory the kernel says can be given to new processes without swapping (`MemAvailable` of
/// `/proc/meminfo`), for `WorkerPool`'s memory budget.
public enum AvailableMemory {
    /// Bytes available now, or nil when `/proc/meminfo` cannot be read.
    public static func bytes() -> UInt64? {
        guard let bytes = ProcFile.read("/proc/meminfo", limit: 16384) else { return nil }
        for line in bytes.split(separator: UInt8(ascii: "\n")) where line.starts(with: Array("MemAvailable:".utf8)) {
            let digits = line.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            return UInt64(String(decoding: digits, as: UTF8.self)).map { $0 * 1024 }
        }
        return nil
    }
}

/// Reads a small `/proc` file in one go (they are generated on read; no `stat` size to trust).
enum ProcFile {
    static func read(_ path: String, limit: Int = 4096) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: limit)
        var used = 0
        while used < limit {
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.read(fd, base + used, limit - used)
            }
            if count > 0 {
                used += count
            } else if count == -1 && errno == EINTR {
                continue
            } else {
                if count == -1 && used == 0 { return nil }
                break
            }
        }
        bytes.removeSubrange(used...)
        return bytes
    }
}
