import Reports

/// What one run of student code did, as the engine observed it: the only thing code checks read
/// besides the code itself.
///
/// This is the seam between grading and the engine: the engine (and its multiprocessing layer)
/// fills a record in; checks never look at the engine's internals. Everything here is a plain
/// value so a record can cross from a sandbox worker to the orchestrator as JSON, and tests can
/// build one in code.
public struct ExecutionRecord: Codable, Sendable, Equatable {
    /// How the run ended (the contract's status word).
    public var status: ExecutionStatus
    /// Everything printed to stdout, by every process, in arrival order.
    public var stdout: String
    /// Everything printed to stderr (tracebacks, limit messages).
    public var stderr: String
    /// The uncaught exception that ended the main process, if any.
    public var exception: RaisedException?
    /// Pid of the run's main process (the one interpreting the cell).
    public var mainPID: Int32?
    /// Processes the run started besides the main one, in start order.
    public var processes: [ProcessRecord]
    /// Each stdout line with the pid of the process that printed it, in arrival order. Empty when
    /// the engine could not attribute lines (then process-based checks fall back to `processes`).
    public var lines: [OutputLine]
    /// Pools the run created.
    public var pools: [PoolUsage]
    /// Why a sandbox limit stopped the run, in words, when one did.
    public var limitMessage: String?

    public init(
        status: ExecutionStatus,
        stdout: String = "",
        stderr: String = "",
        exception: RaisedException? = nil,
        mainPID: Int32? = nil,
        processes: [ProcessRecord] = [],
        lines: [OutputLine] = [],
        pools: [PoolUsage] = [],
        limitMessage: String? = nil
    ) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
        self.exception = exception
        self.mainPID = mainPID
        self.processes = processes
        self.lines = lines
        self.pools = pools
        self.limitMessage = limitMessage
    }

    enum CodingKeys: String, CodingKey {
        case status, stdout, stderr, exception, processes, lines, pools
        case mainPID = "main_pid"
        case limitMessage = "limit_message"
    }
}

/// An exception that escaped the student's code.
public struct RaisedException: Codable, Sendable, Equatable {
    /// The type's name as CPython prints it (`NameError`, `IndentationError`).
    public var type: String
    public var message: String
    /// Line in the cell where it was raised (0 when unknown).
    public var line: Int

    public init(type: String, message: String, line: Int = 0) {
        self.type = type
        self.message = message
        self.line = line
    }

    /// True for the errors raised before any code ran: the cell did not parse.
    public var isSyntaxError: Bool {
        ["SyntaxError", "IndentationError", "TabError"].contains(type)
    }
}

/// One process a run started.
public struct ProcessRecord: Codable, Sendable, Equatable {
    public var pid: Int32
    /// `Process-1`, `ForkPoolWorker-3`, ... as `multiprocessing` names it.
    public var name: String
    /// Pid of the process that started it.
    public var parentPID: Int32
    /// Its exit code as `Process.exitcode` reports it (negative: killed by that signal); `nil`
    /// while unknown (never joined, or killed with the run).
    public var exitCode: Int32?
    /// A worker of a pool (or executor): which worker runs which task is the scheduler's
    /// choice, so checks count such a worker's printed lines as separate tasks, not as one
    /// process (see `ProcessCheck`).
    public var poolWorker: Bool

    public init(pid: Int32, name: String, parentPID: Int32, exitCode: Int32? = nil, poolWorker: Bool = false) {
        self.pid = pid
        self.name = name
        self.parentPID = parentPID
        self.exitCode = exitCode
        self.poolWorker = poolWorker
    }

    enum CodingKeys: String, CodingKey {
        case pid, name
        case parentPID = "parent_pid"
        case exitCode = "exit_code"
        case poolWorker = "pool_worker"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        pid = try c.decode(Int32.self, forKey: .pid)
        name = try c.decode(String.self, forKey: .name)
        parentPID = try c.decode(Int32.self, forKey: .parentPID)
        exitCode = try c.decodeIfPresent(Int32.self, forKey: .exitCode)
        poolWorker = try c.decodeIfPresent(Bool.self, forKey: .poolWorker) ?? false
    }
}

/// One line of stdout and the process that printed it.
public struct OutputLine: Codable, Sendable, Equatable {
    public var pid: Int32
    public var text: String

    public init(pid: Int32, text: String) {
        self.pid = pid
        self.text = text
    }
}

/// A pool the run created and what it did.
public struct PoolUsage: Codable, Sendable, Equatable {
    /// Worker processes the pool was created with.
    public var workers: Int
    /// Tasks the pool's workers ran to completion (a `map` over ten items counts ten).
    public var tasksRun: Int

    public init(workers: Int, tasksRun: Int) {
        self.workers = workers
        self.tasksRun = tasksRun
    }

    enum CodingKeys: String, CodingKey {
        case workers
        case tasksRun = "tasks_run"
    }
}

import ProcessRuntime

extension PoolUsage {
    /// What a `ForkedWorkerPool` ran, as the checks count it: its size, and the items of the
    /// tasks that finished `ok` (a `map` over ten items counts ten, whatever the chunking).
    public init(_ record: ProcessRuntime.PoolRecord) {
        self.init(workers: record.size, tasksRun: record.tasks.filter { $0.outcome == "ok" }.reduce(0) { $0 + $1.itemCount })
    }
}
