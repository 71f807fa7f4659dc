/// Everything a question's checks look at: the run of its code (the cells together, as a
/// notebook runs them), each cell's own output beside what the student recorded, and the facts
/// of the code's AST.
public struct CheckInput: Sendable, Equatable {
    /// The question's run as a whole: status of the run, all stdout, every process and pool.
    public var record: ExecutionRecord
    /// Per cell, in order: what it printed and what the student recorded under it.
    public var cells: [CellOutput]
    /// Imports and names of the code, from its AST; `nil` when the code could not be analysed
    /// (it did not parse, or no parser is available), which fails `uses` with that reason.
    public var facts: CodeFacts?
    /// Why `facts` is missing, for the student ("the code has a syntax error on line 3").
    public var factsUnavailableReason: String?

    public init(record: ExecutionRecord, cells: [CellOutput] = [], facts: CodeFacts? = nil, factsUnavailableReason: String? = nil) {
        self.record = record
        self.cells = cells
        self.facts = facts
        self.factsUnavailableReason = factsUnavailableReason
    }
}

/// One cell's run output beside the output the student recorded for it.
public struct CellOutput: Sendable, Equatable {
    public var stdout: String
    public var recorded: String?

    public init(stdout: String, recorded: String?) {
        self.stdout = stdout
        self.recorded = recorded
    }
}

/// How one check went before points are applied.
public struct CheckOutcome: Sendable, Equatable {
    /// The share of the check's points earned, 0...1.
    public var ratio: Double
    /// What the check looked for, in words.
    public var expected: String
    /// What the run (or the code) did, in words.
    public var actual: String

    public init(ratio: Double, expected: String, actual: String) {
        self.ratio = min(1, max(0, ratio))
        self.expected = expected
        self.actual = actual
    }

    public var passed: Bool { ratio >= 1 }
}
