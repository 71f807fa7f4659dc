import Foundation
import ProcessRuntime
import Reports

/// Runs a question's cells in a fresh sandboxed child (one fork per run, from the
/// single-threaded sandbox worker), under `SandboxLimits`: the cells run one after the other in
/// that child, sharing the engine's globals, and each cell's `ExecutionRecord` comes back on the
/// sandbox's side channel as JSON.
///
/// A cell that is stopped (timeout, output flood, process cap, a crash) sends no record; its
/// record is made here from the sandbox's outcome, with the output that arrived after the
/// finished cells' output. Nothing the code does can outlive the run: the sandbox kills and
/// reaps its whole process group.
public struct SandboxedRunner: CodeRunner {
    public var limits: SandboxLimits
    public var sessions: any CellSessionFactory

    public init(limits: SandboxLimits = SandboxLimits(), sessions: any CellSessionFactory) {
        self.limits = limits
        self.sessions = sessions
    }

    public func run(cells: [String]) -> CellsRun {
        guard !cells.isEmpty else { return CellsRun(cells: []) }
        let sessions = self.sessions
        sessions.prepareForForking()
        let outcome: SandboxOutcome
        do {
            outcome = try Sandbox(limits: limits).run { context in
                var session = sessions.makeSession(context: context)
                for (index, cell) in cells.enumerated() {
                    let record = session.run(cell: cell, index: index, isLast: index == cells.count - 1)
                    // A leading 0 byte marks a cell's record; anything else on the channel is an
                    // event the session's engine sent while the cell ran (see `merge`).
                    guard let data = try? JSONEncoder().encode(record), (try? context.send(record: [Self.cellRecordTag] + Array(data))) != nil else { return 70 }
                    if record.status != .ok { return 1 }
                }
                return 0
            }
        } catch {
            let reason = "the sandbox could not be set up: \(error)"
            return CellsRun(cells: [ExecutionRecord(status: .error, stderr: "grader: \(reason)\n", exception: RaisedException(type: "GraderError", message: reason))])
        }
        return Self.cellsRun(from: outcome, cellCount: cells.count, sessions: sessions)
    }

    static let cellRecordTag: UInt8 = 0

    /// The records the child sent, each with the engine events that came before it merged in,
    /// plus one made from the outcome for a cell that was stopped.
    static func cellsRun(from outcome: SandboxOutcome, cellCount: Int, sessions: any CellSessionFactory) -> CellsRun {
        var records: [ExecutionRecord] = []
        var events: [[UInt8]] = []
        for frame in outcome.records {
            guard frame.first == cellRecordTag else {
                events.append(frame)
                continue
            }
            guard let record = try? JSONDecoder().decode(ExecutionRecord.self, from: Data(frame.dropFirst())) else { continue }
            records.append(sessions.merge(events: events, into: record))
            events = []
        }
        let finishedCleanly = records.count == cellCount || records.last.map { $0.status != .ok } == true
        if !finishedCleanly || outcome.status != .ok && records.allSatisfy({ $0.status == .ok }) {
            records.append(sessions.merge(events: events, into: stoppedCell(outcome, after: records)))
        }
        return CellsRun(cells: Array(records.prefix(cellCount)))
    }

    /// The record of the cell the sandbox stopped.
    static func stoppedCell(_ outcome: SandboxOutcome, after finished: [ExecutionRecord]) -> ExecutionRecord {
        var stdout = outcome.stdoutText
        let earlier = finished.map(\.stdout).joined()
        if stdout.hasPrefix(earlier) { stdout.removeFirst(earlier.count) }
        var stderr = outcome.stderrText
        let earlierErrors = finished.map(\.stderr).joined()
        if stderr.hasPrefix(earlierErrors) { stderr.removeFirst(earlierErrors.count) }
        let known = Set(finished.flatMap(\.processes).map(\.pid))
        let processes = outcome.processes.filter { !known.contains($0.pid) }.map {
            ProcessRecord(pid: $0.pid, name: "process", parentPID: $0.parentPID)
        }
        let (status, message) = status(of: outcome.status)
        if outcome.outputTruncated { stdout += "\n[output cut at \(outcome.stdout.count + outcome.stderr.count) bytes]" }
        return ExecutionRecord(
            status: status, stdout: stdout, stderr: stderr, exception: nil, mainPID: outcome.mainPID,
            processes: processes, lines: [], pools: [], limitMessage: message
        )
    }

    /// The contract's status for how the sandbox ended, with the limit in words.
    static func status(of status: SandboxStatus) -> (ExecutionStatus, String?) {
        switch status {
        case .ok: return (.ok, nil)
        case .error: return (.error, nil)
        case .timeout: return (.timeout, status.description)
        case .limit: return (.limit, status.description)
        case .signalled, .cancelled: return (.error, status.description)
        }
    }
}

/// Makes the engine session that runs cells inside the sandboxed child (one per run, created
/// after the fork, so every run starts from a fresh interpreter).
public protocol CellSessionFactory: Sendable {
    /// Called in the sandbox's parent (the single-threaded fork server) before each run is
    /// forked, so whatever every run needs is built once there and inherited by the fork, not
    /// built again in each child. Only ever called where runs are forked: an orchestrator that
    /// hands sheets to workers (and may have threads) never builds an engine it does not run.
    func prepareForForking()

    func makeSession(context: SandboxContext) -> any CellSession

    /// Folds events the engine sent on the sandbox's side channel while a cell ran (from any
    /// process of the run: which process started, which printed what) into that cell's record.
    /// Runs in the sandbox's parent, after the run.
    func merge(events: [[UInt8]], into record: ExecutionRecord) -> ExecutionRecord
}

extension CellSessionFactory {
    public func prepareForForking() {}
    public func merge(events: [[UInt8]], into record: ExecutionRecord) -> ExecutionRecord { record }
}

/// The engine inside the sandboxed child: runs one cell after another in one global namespace
/// and reports what each did.
public protocol CellSession {
    /// Runs one cell. After the last cell the session ends the program as the interpreter's
    /// exit would (children joined, pools terminated), so output of processes the code started
    /// but never joined is still part of that cell, as it is when CPython runs the file.
    mutating func run(cell: String, index: Int, isLast: Bool) -> ExecutionRecord
}
