#if canImport(Glibc)
import Glibc
#endif

/// Starts an executable with `posix_spawn`, the one way a multithreaded process (the batch
/// orchestrator, the test runner) may start another: unlike `fork`, it runs no code of ours in a
/// copy of a threaded address space.
public enum ProcessSpawner {
    /// Where the new process's stderr goes.
    public enum StandardError: Sendable, Equatable {
        /// Shares ours.
        case inherit
        /// `/dev/null`.
        case discard
    }

    /// Spawns `executable` with `arguments` (not including argv[0], which is the executable),
    /// stdin and stdout on `standardInput`/`standardOutput`, in a new process group, with default
    /// signal dispositions and an empty signal mask (so a `SIGPIPE` we ignore is not ignored
    /// there too). `environment` nil passes ours.
    public static func spawn(
        executable: String,
        arguments: [String],
        environment: [String: String]? = nil,
        standardInput: FileDescriptor,
        standardOutput: FileDescriptor,
        standardError: StandardError = .inherit
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, standardInput.rawValue, 0)
        posix_spawn_file_actions_adddup2(&actions, standardOutput.rawValue, 1)
        if standardError == .discard {
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = CStringArray([executable] + arguments)
        let envp = environment.map { CStringArray($0.map { "\($0.key)=\($0.value)" }) }
        defer {
            argv.free()
            envp?.free()
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv.pointers, envp?.pointers ?? environ)
        if result != 0 { throw SystemCallError("posix_spawn(\(executable))", code: result) }
        return pid
    }
}

/// A NULL-terminated `char *[]` built from Swift strings, freed explicitly.
struct CStringArray {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

    init(_ strings: [String]) {
        pointers = .allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() {
            pointers[index] = strdup(string)
        }
        pointers[strings.count] = nil
    }

    func free() {
        var index = 0
        while let string = pointers[index] {
            Glibc.free(string)
            index += 1
        }
        pointers.deallocate()
    }
}
