#if canImport(Glibc)
import Glibc
#endif

/// What one subprocess run did.
struct SubprocessResult: Sendable {
    var exitStatus: Int32
    var seconds: Double
    var stdout: String
    var stderr: String
}

/// Runs programs with `posix_spawn` and `wait4`, without Foundation's `Process`: that one starts
/// a thread, and this benchmark must stay single-threaded so that `Sandbox` may fork later.
/// Output goes to scratch files (read back after the run), stdin is `/dev/null`.
struct Subprocess {
    let scratchDirectory: String

    func run(_ executable: String, _ arguments: [String]) throws -> SubprocessResult {
        let outPath = scratchDirectory + "/stdout"
        let errPath = scratchDirectory + "/stderr"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let argv = ([executable] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv + [nil]
        var pid: pid_t = 0
        let started = Clock.now()
        let rc = posix_spawn(&pid, executable, &actions, nil, &cArgs, environ)
        guard rc == 0 else { throw BenchError("cannot start \(executable): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw BenchError("wait4 failed for \(executable)") }
        }
        let seconds = Clock.now() - started
        // WIFEXITED / WEXITSTATUS by hand (the C macros are not imported).
        let exit: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return SubprocessResult(exitStatus: exit, seconds: seconds, stdout: TextFile.read(outPath) ?? "", stderr: TextFile.read(errPath) ?? "")
    }

    /// Peak RSS of one run of the program, measured by `/usr/bin/time -f %M`, in bytes.
    ///
    /// Not `wait4`'s `ru_maxrss` of our own child: `posix_spawn` starts it with `vfork`, and at
    /// `exec` Linux folds the *parent's* peak RSS into the child's `maxrss`, so every figure
    /// would be at least this benchmark's own size. GNU time forks (not vforks) its child from a
    /// small process, so the figure is the program's own.
    func peakRSS(_ executable: String, _ arguments: [String]) -> Int? {
        let time = "/usr/bin/time"
        guard access(time, X_OK) == 0 else { return nil }
        let report = scratchDirectory + "/peak-rss"
        guard let r = try? run(time, ["-f", "%M", "-o", report, executable] + arguments), r.exitStatus >= 0,
              let text = TextFile.read(report),
              let kb = text.split(separator: "\n").last.flatMap({ Int($0.trimmingSpaces()) }) else { return nil }
        return kb * 1024
    }

    /// The absolute path of `name` on `PATH`, if it is there and executable.
    static func which(_ name: String) -> String? {
        guard let path = getenv("PATH").map({ String(cString: $0) }) else { return nil }
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}

/// Small file helpers over libc (no Foundation needed on the timed paths).
enum TextFile {
    static func read(_ path: String) -> String? {
        guard let bytes = readBytes(path) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func readBytes(_ path: String) -> [UInt8]? {
        guard let fp = fopen(path, "rb") else { return nil }
        defer { fclose(fp) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, fp)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return bytes
    }

    static func write(_ text: String, to path: String) throws {
        try writeBytes(Array(text.utf8), to: path)
    }

    static func writeBytes(_ bytes: [UInt8], to path: String) throws {
        guard let fp = fopen(path, "wb") else { throw BenchError("cannot write \(path)") }
        defer { fclose(fp) }
        if !bytes.isEmpty && fwrite(bytes, 1, bytes.count, fp) != bytes.count { throw BenchError("short write to \(path)") }
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw BenchError("cannot create directory \(path)") }
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
