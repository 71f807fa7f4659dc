/// How a run of student code ended.
public enum ExecutionStatus: String, Codable, Sendable, CaseIterable {
    /// Ran to the end without an uncaught exception.
    case ok
    /// Raised an uncaught exception (see `ExecutionResult.exception`).
    case error
    /// Hit the wall-clock timeout.
    case timeout
    /// Hit a resource limit: CPU, memory, output bytes or process count.
    case limit
    /// Tried something the sandbox forbids (file writes, network, `os.system`, ...).
    case blocked
}

/// The contract's `execution` object: how running a question's code went, as a whole.
public struct ExecutionResult: Codable, Sendable, Equatable {
    public var status: ExecutionStatus
    /// The uncaught exception's type name (`NameError`), `nil` when none.
    public var exception: String?
    /// Everything the run printed to stdout (all processes, in arrival order).
    public var stdout: String
    /// How many processes the run started besides the main one.
    public var processes: Int

    public init(status: ExecutionStatus, exception: String? = nil, stdout: String = "", processes: Int = 0) {
        self.status = status
        self.exception = exception
        self.stdout = stdout
        self.processes = processes
    }

    enum CodingKeys: String, CodingKey { case status, exception, stdout, processes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.decode(ExecutionStatus.self, forKey: .status)
        exception = try c.decodeIfPresent(String.self, forKey: .exception)
        stdout = try c.decodeIfPresent(String.self, forKey: .stdout) ?? ""
        processes = try c.decodeIfPresent(Int.self, forKey: .processes) ?? 0
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        try c.encode(exception, forKey: .exception)  // explicit null: same keys every time
        try c.encode(stdout, forKey: .stdout)
        try c.encode(processes, forKey: .processes)
    }
}

extension ExecutionStatus {
    /// The status in words for a student.
    public var explanation: String {
        switch self {
        case .ok: return "ran to the end"
        case .error: return "stopped with an uncaught exception"
        case .timeout: return "was stopped: it ran past the time limit"
        case .limit: return "was stopped: it hit a resource limit (CPU, memory, output or processes)"
        case .blocked: return "was stopped: it tried something the grader does not allow (files, network, shell)"
        }
    }
}
