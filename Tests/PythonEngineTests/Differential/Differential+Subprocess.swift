import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Differential {
    /// What one run of a snippet produced, before normalisation.
    struct RunOutcome: Sendable, Equatable {
        var exitStatus: Int32
        var stdout: String
        var stderr: String
        /// Set when the run was killed for exceeding its time limit.
        var timedOut: Bool = false
        /// Set when the run was killed for writing more than `Subprocess.outputLimit` bytes.
        var outputLimitExceeded: Bool = false
    }

    /// Runs a command in its own process group, stdin from /dev/null, stdout and stderr into
    /// temporary files, and kills the whole group when the time limit passes.
    ///
    /// Why not `Foundation.Process` with pipes: a multiprocessing snippet can leave a grandchild
    /// holding a pipe open, so "read to EOF" can hang past the child's exit; files cannot, and a
    /// process group lets a timeout take the grandchildren down with it.
    enum Subprocess {
        struct LaunchError: Error, CustomStringConvertible {
            let description: String
        }

        /// Caps how many snippet processes run at once, so that the parallel test cases do not
        /// overload the machine (timing-sensitive snippets would then go wrong).
        static let throttle = Throttle(limit: Settings.current.jobs)

        /// Output beyond this (stdout and stderr together) stops the run: a runaway print loop
        /// must not fill the disk during the time limit. Far above any snippet's real output.
        static let outputLimit = 16 << 20

        static func run(_ arguments: [String], environment: [String: String], timeout: Double) async throws -> RunOutcome {
            try await throttle.withSlot {
                try await runNow(arguments, environment: environment, timeout: timeout)
            }
        }

        private static func runNow(_ arguments: [String], environment: [String: String], timeout: Double) async throws -> RunOutcome {
            guard let executable = arguments.first else { throw LaunchError(description: "empty command") }
            let scratch = FileManager.default.temporaryDirectory
                .appendingPathComponent("grader-diff-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            let outPath = scratch.appendingPathComponent("stdout").path
            let errPath = scratch.appendingPathComponent("stderr").path

            let pid = try spawn(executable: executable, arguments: arguments, environment: environment,
                                stdoutPath: outPath, stderrPath: errPath)
            let deadline = ContinuousClock.now + .milliseconds(Int64(timeout * 1000))
            var timedOut = false
            var outputLimitExceeded = false
            var pause = Duration.milliseconds(2)
            while !hasExited(pid) {
                if ContinuousClock.now >= deadline {
                    timedOut = true
                    break
                }
                if fileSize(outPath) + fileSize(errPath) > outputLimit {
                    outputLimitExceeded = true
                    break
                }
                try? await Task.sleep(for: pause)
                pause = min(pause * 2, .milliseconds(25))
            }
            // The leader is a zombie (or still running) here, so its pid, which names the group,
            // cannot have been reused: killing the group reaches only this run's processes.
            kill(-pid, SIGKILL)
            let status = reap(pid)
            let stdout = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data(), as: UTF8.self)
            let stderr = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data(), as: UTF8.self)
            return RunOutcome(exitStatus: status, stdout: stdout, stderr: stderr, timedOut: timedOut,
                              outputLimitExceeded: outputLimitExceeded)
        }

        private static func fileSize(_ path: String) -> Int {
            var info = stat()
            return stat(path, &info) == 0 ? Int(info.st_size) : 0
        }

        private static func spawn(executable: String, arguments: [String], environment: [String: String],
                                  stdoutPath: String, stderrPath: String) throws -> pid_t {
            #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
            var attributes: posix_spawnattr_t? = nil
            #else
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
            #endif
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var noSignals = sigset_t()
            sigemptyset(&noSignals)
            var defaults = sigset_t()
            sigemptyset(&defaults)
            for sig in [SIGPIPE, SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGCHLD, SIGUSR1, SIGUSR2, SIGALRM] {
                sigaddset(&defaults, sig)
            }
            posix_spawnattr_setsigmask(&attributes, &noSignals)
            posix_spawnattr_setsigdefault(&attributes, &defaults)
            posix_spawnattr_setpgroup(&attributes, 0)
            let flags = Int32(POSIX_SPAWN_SETPGROUP) | Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
            posix_spawnattr_setflags(&attributes, Int16(flags))

            let argv = arguments.map { strdup($0) } + [nil]
            let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer {
                argv.forEach { free($0) }
                envp.forEach { free($0) }
            }
            var pid: pid_t = 0
            let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            guard rc == 0 else {
                throw LaunchError(description: "cannot start \(executable): \(String(cString: strerror(rc)))")
            }
            return pid
        }

        /// Whether `pid` has ended, without reaping it (WNOWAIT keeps its pid reserved).
        private static func hasExited(_ pid: pid_t) -> Bool {
            var info = siginfo_t()
            let rc = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
            if rc != 0 { return errno != EINTR }
            return info.si_signo == SIGCHLD
        }

        /// Reaps `pid`: its exit status, or minus the signal that killed it (as Python reports).
        private static func reap(_ pid: pid_t) -> Int32 {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 {
                if errno != EINTR { return -1 }
            }
            let signal = status & 0x7f
            return signal == 0 ? (status >> 8) & 0xff : -signal
        }
    }

    /// A counting semaphore for async code.
    actor Throttle {
        private let limit: Int
        private var running = 0
        private var waiting: [CheckedContinuation<Void, Never>] = []

        init(limit: Int) { self.limit = max(1, limit) }

        func withSlot<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
            await acquire()
            defer { release() }
            return try await body()
        }

        private func acquire() async {
            if running < limit {
                running += 1
                return
            }
            await withCheckedContinuation { waiting.append($0) }
        }

        private func release() {
            if waiting.isEmpty {
                running -= 1
            } else {
                waiting.removeFirst().resume()
            }
        }
    }
}
