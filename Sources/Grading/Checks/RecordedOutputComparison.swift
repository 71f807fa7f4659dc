/// Compares the output a student recorded under a cell with what the grader's run printed.
///
/// Rules (documented for students and rubric authors in `Grading.docc/CodeChecks.md`):
/// - Lines are compared after trimming them and collapsing runs of spaces and tabs; blank lines
///   are ignored (notebook exports add and drop them freely).
/// - A number in the run's output that is the pid of a process of the run matches any whole
///   number in the same place of the recorded line: pids differ on every run, and a recorded
///   `Process 4242 started` is the same output as the grader's `Process 17 started`.
/// - When order depends on scheduling (`order: any`, or `auto` and the run started child
///   processes), lines are compared as a multiset; otherwise in order (longest common
///   subsequence).
/// - The match ratio is matched lines ÷ the larger of the two line counts, so both missing and
///   extra lines cost; the check earns that share of its points (when partial credit is on),
///   and passes only at 1.
public struct RecordedOutputComparison: Sendable, Equatable {
    public var matched: Int
    public var recordedCount: Int
    public var runCount: Int
    public var orderSensitive: Bool

    /// `matched / max(recorded, run)`; 1 when both are empty.
    public var ratio: Double {
        let total = max(recordedCount, runCount)
        return total == 0 ? 1 : Double(matched) / Double(total)
    }

    public var matches: Bool { matched == recordedCount && matched == runCount }

    public init(recorded: String, run: String, pids: Set<Int32>, orderSensitive: Bool) {
        let recordedLines = Self.normalisedLines(recorded)
        let runLines = Self.normalisedLines(run).map { RunLinePattern(line: $0, pids: pids) }
        self.recordedCount = recordedLines.count
        self.runCount = runLines.count
        self.orderSensitive = orderSensitive
        if orderSensitive {
            matched = Self.longestCommonSubsequence(recordedLines, runLines)
        } else {
            matched = Self.multisetMatches(recordedLines, runLines)
        }
    }

    /// Lines as compared: trimmed, inner whitespace collapsed, blank lines dropped.
    public static func normalisedLines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { line in line.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }
            .filter { !$0.isEmpty }
    }

    /// Lines beyond this many are not compared (a flood is not a recorded output).
    static let maxLines = 2000

    static func multisetMatches(_ recorded: [String], _ run: [RunLinePattern]) -> Int {
        var remaining = Array(run.prefix(maxLines))
        var matched = 0
        // Exact matches first, so a pid wildcard does not take a line another would match exactly.
        var unmatched: [String] = []
        for line in recorded.prefix(maxLines) {
            if let index = remaining.firstIndex(where: { $0.line == line }) {
                remaining.remove(at: index)
                matched += 1
            } else {
                unmatched.append(line)
            }
        }
        for line in unmatched {
            if let index = remaining.firstIndex(where: { $0.matches(line) }) {
                remaining.remove(at: index)
                matched += 1
            }
        }
        return matched
    }

    static func longestCommonSubsequence(_ recorded: [String], _ run: [RunLinePattern]) -> Int {
        let a = Array(recorded.prefix(maxLines)), b = Array(run.prefix(maxLines))
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            var current = Array(repeating: 0, count: b.count + 1)
            for j in 1...b.count {
                current[j] = b[j - 1].matches(a[i - 1]) ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// A line of the run's output, with the pids in it marked as wildcards.
struct RunLinePattern: Sendable, Equatable {
    let line: String
    /// The line cut at digit runs: text, number, text, number, ...; `true` marks a pid.
    let pieces: [(text: String, isPID: Bool)]
    let hasPID: Bool

    init(line: String, pids: Set<Int32>) {
        self.line = line
        let pieces = RunLinePattern.split(line).map { piece -> (String, Bool) in
            guard piece.first?.isASCII == true, piece.first?.isNumber == true, let value = Int32(piece) else { return (piece, false) }
            return (piece, pids.contains(value))
        }
        self.pieces = pieces
        hasPID = pieces.contains { $0.1 }
    }

    static func == (lhs: RunLinePattern, rhs: RunLinePattern) -> Bool { lhs.line == rhs.line }

    func matches(_ recorded: String) -> Bool {
        if recorded == line { return true }
        guard hasPID else { return false }
        let other = RunLinePattern.split(recorded)
        guard other.count == pieces.count else { return false }
        return zip(pieces, other).allSatisfy { piece, text in
            piece.isPID ? (text.first?.isASCII == true && text.allSatisfy { $0.isASCII && $0.isNumber }) : piece.text == text
        }
    }

    /// Splits text into alternating runs of ASCII digits and everything else.
    static func split(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var inDigits = false
        for c in text {
            let digit = c.isASCII && c.isNumber
            if digit != inDigits, !current.isEmpty {
                pieces.append(current)
                current = ""
            }
            inDigits = digit
            current.append(c)
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
