#if canImport(Glibc)
import Glibc
#endif

/// Which sandbox limit stopped a run.
public enum SandboxLimit: String, Sendable, Equatable, Codable {
    /// stdout + stderr (or side-channel records) exceeded their cap.
    case output
    /// The code tried to start more processes than allowed.
    case processes
    /// The main process used up its CPU seconds.
    case cpuTime
    /// The main process was killed for writing past the file-size limit.
    case fileSize
}

/// How a sandboxed run ended, in the terms of the grading contract
/// (`ok | error | timeout | limit`, plus death by a signal).
public enum SandboxStatus: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The main process exited with code 0.
    case ok
    /// The main process exited with this non-zero code.
    case error(exitCode: Int32)
    /// The wall-clock limit passed; everything was killed.
    case timeout
    /// A limit stopped the run.
    case limit(SandboxLimit)
    /// The main process died from this signal, for no reason the sandbox caused.
    case signalled(Int32)
    /// The sandbox's own process was asked to terminate (`SIGTERM`, see `TerminationRequest`)
    /// and stopped the run early.
    case cancelled

    /// The contract's status word.
    public var name: String {
        switch self {
        case .ok: "ok"
        case .error: "error"
        case .timeout: "timeout"
        case .limit: "limit"
        case .signalled: "signalled"
        case .cancelled: "cancelled"
        }
    }

    public var description: String {
        switch self {
        case .ok: "finished normally"
        case let .error(code): "exited with code \(code)"
        case .timeout: "stopped: wall-clock time limit exceeded"
        case .limit(.output): "stopped: output limit exceeded"
        case .limit(.processes): "stopped: process limit reached"
        case .limit(.cpuTime): "stopped: CPU time limit exceeded"
        case .limit(.fileSize): "stopped: file size limit exceeded (file writes are not allowed)"
        case let .signalled(signal): "killed by \(SignalName.name(of: signal))"
        case .cancelled: "stopped: the grader was asked to terminate"
        }
    }
}
