/// Runs a question's code cells: in order, sharing one global namespace, as a notebook's
/// "Run All" does, stopping at the first cell that does not finish (later cells would only
/// fail on what it did not define).
///
/// The seam between the pipeline and the engine: the sandboxed engine implements it (each call a
/// fresh sandboxed child, the cells run in it one after the other); tests implement it with
/// canned records.
public protocol CodeRunner: Sendable {
    func run(cells: [String]) -> CellsRun
}

/// What running a list of cells did.
public struct CellsRun: Codable, Sendable, Equatable {
    /// One record per cell that was run, in order; cells after a failing one are absent.
    public var cells: [ExecutionRecord]

    public init(cells: [ExecutionRecord]) {
        self.cells = cells
    }

    /// The cells' records as one run: the first status that is not `ok`, all output, every
    /// process and pool. This is what the checks look at.
    public var combined: ExecutionRecord {
        ExecutionRecord.combining(cells)
    }

    /// The first cell that did not finish, if any.
    public var firstFailure: (index: Int, record: ExecutionRecord)? {
        cells.enumerated().first { $0.element.status != .ok }.map { ($0.offset, $0.element) }
    }
}

extension ExecutionRecord {
    /// Several cells' records as one run.
    public static func combining(_ records: [ExecutionRecord]) -> ExecutionRecord {
        guard let first = records.first else { return ExecutionRecord(status: .ok) }
        let failure = records.first { $0.status != .ok }
        return ExecutionRecord(
            status: failure?.status ?? .ok,
            stdout: records.map(\.stdout).joined(),
            stderr: records.map(\.stderr).joined(),
            exception: failure?.exception,
            mainPID: records.lazy.compactMap(\.mainPID).first ?? first.mainPID,
            processes: records.flatMap(\.processes),
            lines: records.flatMap(\.lines),
            pools: records.flatMap(\.pools),
            limitMessage: failure?.limitMessage
        )
    }
}

/// Turns code into the facts `uses` checks read (imports and dotted names), from its AST.
/// The engine's parser implements it; `nil` facts come with the reason (a syntax error).
public protocol CodeAnalyzer: Sendable {
    func facts(for code: String) -> Result<CodeFacts, CodeAnalysisError>
}

/// Why code could not be analysed, in words for the student.
public struct CodeAnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// A runner for builds without the engine: every run ends with a clear error saying why, so a
/// code question is never scored as if its code had run.
public struct UnavailableRunner: CodeRunner {
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public func run(cells: [String]) -> CellsRun {
        guard !cells.isEmpty else { return CellsRun(cells: []) }
        let record = ExecutionRecord(
            status: .error, stderr: "grader: \(reason)\n",
            exception: RaisedException(type: "GraderError", message: reason)
        )
        return CellsRun(cells: [record])
    }
}
