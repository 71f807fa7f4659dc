/// One student's answer sheet, read into the questions it answers.
///
/// This is the model every later layer consumes (scoring, running code, reports), so it is a
/// plain value: `Codable` for `grader parse` and caches, `Sendable` for the batch pipeline.
public struct AnswerSheet: Codable, Sendable, Equatable {
    /// The name the sheet was read under (usually the path given on the command line).
    public var file: String
    /// Answers in assignment order (Q1, Q2, ...); a question the student did not answer is absent.
    public var questions: [Question]
    /// Text and code found before the first question heading. Kept so nothing a student wrote is
    /// lost; `nil` when there was none.
    public var preamble: Question?
    /// Everything the reader had to guess, repair or could not place, in reading order.
    public var warnings: [String]
    /// How the sheet was laid out: `text`, `markdown` or `notebook`.
    public var format: SheetFormat
    /// The character encoding the bytes were decoded with (`utf-8`, `utf-16le`, `windows-1252`...).
    public var encoding: String

    public init(
        file: String, questions: [Question], preamble: Question? = nil, warnings: [String],
        format: SheetFormat, encoding: String
    ) {
        self.file = file
        self.questions = questions
        self.preamble = preamble
        self.warnings = warnings
        self.format = format
        self.encoding = encoding
    }

    /// The answer to the question with this id (`"Q3"`), if the sheet has one.
    public func question(_ id: String) -> Question? {
        questions.first { $0.id == id }
    }
}

/// The layout family a sheet was read as.
public enum SheetFormat: String, Codable, Sendable {
    case text, markdown, notebook
}

/// A student's answer to one question.
public struct Question: Codable, Sendable, Equatable {
    /// `"Q1"` ... `"Q6"`, the assignment's id for the question.
    public var id: String
    /// The question's number in the assignment.
    public var number: Int
    /// The heading line as the student wrote it (markup kept), for display.
    public var heading: String
    /// The prose answer as written, markup kept, for showing to people.
    public var prose: String
    /// The prose with markup (`####`, `**`, `>`, bullets, `"""`, arrows) removed, for scoring.
    public var scoringText: String
    /// Code cells in the order they appear, each with the output the student recorded.
    public var cells: [CodeCell]
    /// 1-based line of the heading in the decoded sheet; in a notebook, the 1-based cell number.
    public var line: Int

    public init(
        id: String, number: Int, heading: String, prose: String, scoringText: String,
        cells: [CodeCell], line: Int
    ) {
        self.id = id
        self.number = number
        self.heading = heading
        self.prose = prose
        self.scoringText = scoringText
        self.cells = cells
        self.line = line
    }

    enum CodingKeys: String, CodingKey {
        case id, number, heading, prose
        case scoringText = "scoring_text"
        case cells, line
    }
}

/// One code cell and what the student recorded as its output.
public struct CodeCell: Codable, Sendable, Equatable {
    /// The code as submitted: prompts (`In [3]:`, `>>>`) removed, indentation and tabs kept.
    public var code: String
    /// The output recorded under the cell (stdout, result, traceback), or `nil` when none was.
    public var recordedOutput: String?
    /// 1-based line where the code starts; in a notebook, the 1-based cell number.
    public var line: Int

    public init(code: String, recordedOutput: String? = nil, line: Int) {
        self.code = code
        self.recordedOutput = recordedOutput
        self.line = line
    }

    enum CodingKeys: String, CodingKey {
        case code
        case recordedOutput = "recorded_output"
        case line
    }

    // Written by hand so that a missing output is encoded as `null`, not left out: the JSON
    // contract of `grader parse` always carries the `recorded_output` key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(recordedOutput, forKey: .recordedOutput)
        try container.encode(line, forKey: .line)
    }
}
