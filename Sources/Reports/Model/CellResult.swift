/// One code cell of a question: the code as submitted, what running it printed, what the
/// student recorded under it, and any repair of export damage the grader made to run it.
public struct CellResult: Codable, Sendable, Equatable {
    public var code: String
    public var stdout: String
    public var stderr: String
    /// The output the student's sheet shows under the cell; `nil` when none was recorded.
    public var recordedOutput: String?
    /// Whether the recorded output matches the run (as a multiset of lines where order depends
    /// on scheduling); `nil` when there was nothing recorded to compare.
    public var recordedMatches: Bool?
    /// The repair made to run a damaged cell; `nil` when the cell ran as submitted.
    public var repair: CellRepair?

    public init(
        code: String,
        stdout: String = "",
        stderr: String = "",
        recordedOutput: String? = nil,
        recordedMatches: Bool? = nil,
        repair: CellRepair? = nil
    ) {
        self.code = code
        self.stdout = stdout
        self.stderr = stderr
        self.recordedOutput = recordedOutput
        self.recordedMatches = recordedMatches
        self.repair = repair
    }

    enum CodingKeys: String, CodingKey {
        case code, stdout, stderr, repair
        case recordedOutput = "recorded_output"
        case recordedMatches = "recorded_matches"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        stdout = try c.decodeIfPresent(String.self, forKey: .stdout) ?? ""
        stderr = try c.decodeIfPresent(String.self, forKey: .stderr) ?? ""
        recordedOutput = try c.decodeIfPresent(String.self, forKey: .recordedOutput)
        recordedMatches = try c.decodeIfPresent(Bool.self, forKey: .recordedMatches)
        repair = try c.decodeIfPresent(CellRepair.self, forKey: .repair)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(stdout, forKey: .stdout)
        try c.encode(stderr, forKey: .stderr)
        try c.encode(recordedOutput, forKey: .recordedOutput)
        try c.encode(recordedMatches, forKey: .recordedMatches)
        try c.encode(repair, forKey: .repair)
    }
}

/// A repair of export damage (lost indentation, a leftover `>>>` prompt, curly quotes) made so a
/// damaged cell could run; the rubric decides how much credit the repaired run earns.
public struct CellRepair: Codable, Sendable, Equatable {
    /// A short machine name: `indentation`, `prompt`, `quotes`, ...
    public var kind: String
    /// What was changed, in words for the student.
    public var description: String
    /// How the repaired copy ran.
    public var statusAfter: ExecutionStatus

    public init(kind: String, description: String, statusAfter: ExecutionStatus) {
        self.kind = kind
        self.description = description
        self.statusAfter = statusAfter
    }

    enum CodingKeys: String, CodingKey {
        case kind, description
        case statusAfter = "status_after"
    }
}
