#if canImport(Glibc)
import Glibc
#endif

/// How a process ended, decoded from a `waitpid` status.
public enum ExitStatus: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Called `exit`/`_exit` with this code (0 ... 255).
    case exited(Int32)
    /// Killed by this signal.
    case signalled(Int32)

    /// Decodes a raw `waitpid` status word.
    public init(waitStatus status: Int32) {
        let signal = status & 0x7f
        if signal == 0 {
            self = .exited((status >> 8) & 0xff)
        } else {
            self = .signalled(signal)
        }
    }

    /// Python's `Process.exitcode`: the exit code, or minus the signal number.
    public var pythonExitCode: Int32 {
        switch self {
        case let .exited(code): code
        case let .signalled(signal): -signal
        }
    }

    public var isSuccess: Bool { self == .exited(0) }

    public var description: String {
        switch self {
        case let .exited(code): "exited with code \(code)"
        case let .signalled(signal): "killed by signal \(signal) (\(SignalName.name(of: signal)))"
        }
    }
}

/// Names of the common signals, for messages a person reads.
public enum SignalName {
    public static func name(of signal: Int32) -> String {
        switch signal {
        case SIGHUP: "SIGHUP"
        case SIGINT: "SIGINT"
        case SIGQUIT: "SIGQUIT"
        case SIGILL: "SIGILL"
        case SIGTRAP: "SIGTRAP"
        case SIGABRT: "SIGABRT"
        case SIGBUS: "SIGBUS"
        case SIGFPE: "SIGFPE"
        case SIGKILL: "SIGKILL"
        case SIGUSR1: "SIGUSR1"
        case SIGSEGV: "SIGSEGV"
        case SIGUSR2: "SIGUSR2"
        case SIGPIPE: "SIGPIPE"
        case SIGALRM: "SIGALRM"
        case SIGTERM: "SIGTERM"
        case SIGCHLD: "SIGCHLD"
        case SIGXCPU: "SIGXCPU"
        case SIGXFSZ: "SIGXFSZ"
        default: "signal \(signal)"
        }
    }
}
