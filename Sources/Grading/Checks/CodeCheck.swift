/// One code check of a question, as the rubric's `checks:` defines it: what to look for in a
/// run (or in the code), what it is worth, and what to tell the student.
///
/// The rubric syntax (see `Grading.docc/CodeChecks.md`) is a list of one-key mappings, the key
/// naming the kind:
///
/// ```yaml
/// checks:
///   - runs: {points: 0.5, feedback: "Your program must run without an error."}
///   - uses: {api: [multiprocessing.Process], points: 0.5}
///   - processes: {min: 4, printing: 4, distinct: true, points: 1}
///   - output_contains: {literal: "[0, 1, 4, 9]", points: 1, hidden: true}
///   - repair_credit: 0.5
/// ```
public struct CodeCheck: Sendable, Equatable {
    public var kind: CheckKind
    /// What the check is worth.
    public var points: Double
    /// What to tell the student when the check fails (a default per kind otherwise).
    public var feedback: String?
    /// Hidden checks show only pass/fail in student reports.
    public var hidden: Bool
    /// Whether count-based checks may earn part of their points (default true).
    public var partialCredit: Bool
    /// The name reports show (`name:`, or one made from the kind and its parameters).
    public var name: String
    /// `requires: uses`: the check earns nothing unless every `uses` check of the question
    /// passed, so a program that runs but does not do what was asked (`print("hello")` for
    /// "start four processes") earns no points for running.
    public var requiresUses: Bool
    public var location: CheckLocation

    public init(
        kind: CheckKind, points: Double, feedback: String? = nil, hidden: Bool = false,
        partialCredit: Bool = true, name: String? = nil, requiresUses: Bool = false,
        location: CheckLocation = CheckLocation(file: "<code>", line: 0, column: 0)
    ) {
        self.kind = kind
        self.points = points
        self.feedback = feedback
        self.hidden = hidden
        self.partialCredit = partialCredit
        self.name = name ?? kind.defaultName
        self.requiresUses = requiresUses
        self.location = location
    }

    /// True when the check is about what the code is (its AST), not what it did: such checks are
    /// scored even when the code did not run, and are not scaled by `repair_credit`.
    public var isStatic: Bool {
        if case .uses = kind { return true }
        return false
    }
}

/// What a check looks for.
public enum CheckKind: Sendable, Equatable {
    /// The code ran to the end without an uncaught exception.
    case runs
    /// The output holds this value (compared as a Python literal) or this text.
    case outputContains(OutputExpectation)
    /// At least this many distinct non-empty output lines.
    case distinctLines(min: Int)
    /// At least `min` child processes were started; optionally `printing` of them printed
    /// something, and (when `distinct`) what they printed carried different values.
    case processes(min: Int, printing: Int?, distinct: Bool)
    /// A pool was created and its workers ran at least `minTasks` tasks.
    case pool(minTasks: Int)
    /// The code uses these APIs (any of them, or all of them), found in its AST.
    case uses(APIRequirement)
    /// The output the student recorded under each cell matches what the run printed.
    case recordedMatches(order: OutputOrder)

    /// A short name for reports: `processes ≥ 4`, `uses multiprocessing.Pool`.
    public var defaultName: String {
        switch self {
        case .runs: return "runs without an error"
        case let .outputContains(expectation): return "output contains \(expectation)"
        case let .distinctLines(min): return "at least \(min) distinct output lines"
        case let .processes(min, printing, distinct):
            var name = "at least \(min) child process\(min == 1 ? "" : "es") started"
            if let printing { name += ", \(printing) of them printing" }
            if distinct { name += " different values" }
            return name
        case let .pool(minTasks): return "a pool ran \(minTasks == 1 ? "a task" : "at least \(minTasks) tasks")"
        case let .uses(requirement): return "uses \(requirement)"
        case .recordedMatches: return "recorded output matches the run"
        }
    }
}

/// What `output_contains` looks for.
public enum OutputExpectation: Sendable, Equatable, CustomStringConvertible {
    /// A value, compared structurally with every literal printed (see `LiteralReader`).
    case literal(PythonLiteral, written: String)
    /// Text, found in the output after collapsing runs of whitespace.
    case text(String)

    public var description: String {
        switch self {
        case let .literal(_, written): return written
        case let .text(text): return "\"\(text)\""
        }
    }
}

/// The APIs a `uses` check asks for.
public struct APIRequirement: Sendable, Equatable, CustomStringConvertible {
    /// Qualified names (`multiprocessing.Process`) or methods (`.start`).
    public var apis: [String]
    /// True: every API must be used; false: any one of them is enough.
    public var all: Bool

    public init(apis: [String], all: Bool = false) {
        self.apis = apis
        self.all = all
    }

    public var description: String {
        apis.joined(separator: all ? " and " : " or ")
    }
}

/// Whether the order of output lines matters when comparing recorded output with the run.
public enum OutputOrder: String, Sendable, Equatable {
    /// Order matters unless the run started child processes (whose scheduling decides it).
    case auto
    /// Lines must appear in the same order.
    case strict
    /// Lines are compared as a multiset.
    case any
}

/// The code checks of one question, with its export-damage policy.
public struct CheckSet: Sendable, Equatable {
    public var checks: [CodeCheck]
    /// The share of points a run-based check earns when it passed only on a repaired copy of
    /// the student's code (see `ExportRepair`). Default 0.5.
    public var repairCredit: Double

    public static let defaultRepairCredit = 0.5

    public init(checks: [CodeCheck], repairCredit: Double = CheckSet.defaultRepairCredit) {
        self.checks = checks
        self.repairCredit = repairCredit
    }

    public var totalPoints: Double { checks.reduce(0) { $0 + $1.points } }
}
