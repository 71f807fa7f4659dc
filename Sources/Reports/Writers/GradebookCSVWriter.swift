import Foundation

/// The class gradebook as CSV, importable by Canvas and Moodle.
///
/// Column conventions (a row per student, in batch order):
/// - `Student`: the student's name (from the file name unless the pipeline set it);
/// - `ID`: the student's LMS id, empty when unknown. By default it comes from the file name
///   (`StudentIdentity`): a Canvas bulk download gives the Canvas user id, which is exactly what
///   Canvas's gradebook import matches rows on (`Student` is informational there). Moodle's
///   gradebook import ("Import > CSV file") maps one column to a user field (user id, username,
///   ID number or email), so for Moodle the pipeline should set `studentID` to one of those
///   from a roster; the number in a Moodle download name is a participant id, which only the
///   assignment's own grading worksheet understands;
/// - one column per question, headed by the question id (`Q1` ... `Q6`), in the order questions
///   first appear in the batch. Canvas turns an unknown column into a new assignment and Moodle
///   maps each column to a grade item, so the instructor can import either the per-question
///   columns or only `Total`;
/// - `Total`: the sheet's score.
///
/// Numbers use `.` as the decimal separator and at most two decimals (`7.5`, `10`), whatever the
/// locale. A sheet that could not be graded has empty score cells (LMS importers leave an empty
/// cell ungraded rather than recording a 0 nobody earned); a question missing from a sheet that
/// was graded scores an explicit `0`.
///
/// Format: RFC 4180 (comma separator, CRLF line ends, fields with `,` `"` CR or LF quoted with
/// doubled quotes). Text cells starting with `=`, `+`, `-`, `@`, tab, CR or LF (or with `=`,
/// `+`, `-`, `@` after leading spaces) get a leading `'` so
/// spreadsheets do not run them as formulas (CSV injection); score cells are numbers we format
/// and are never prefixed. No byte-order mark by default: Canvas and Moodle read UTF-8 without
/// one, and a BOM can end up glued to the first header (`\u{FEFF}Student`) in importers that do
/// not strip it. Set `byteOrderMark` when the file is meant for Excel, which needs it to read
/// UTF-8 names correctly.
public struct GradebookCSVWriter: Sendable {
    public var byteOrderMark: Bool

    public init(byteOrderMark: Bool = false) {
        self.byteOrderMark = byteOrderMark
    }

    public func render(_ batch: BatchResult) -> String {
        let columns = Self.questionColumns(batch.submissions)
        var rows: [[String]] = [["Student", "ID"] + columns + ["Total"]]
        for s in batch.submissions {
            var row = [Self.textCell(s.studentName), Self.textCell(s.studentID ?? "")]
            if s.succeeded {
                let scores = Dictionary(s.questions.map { ($0.id, $0.score) }, uniquingKeysWith: +)
                row += columns.map { ScoreFormat.text(scores[$0] ?? 0) }
                row.append(ScoreFormat.text(s.score))
            } else {
                row += Array(repeating: "", count: columns.count + 1)
            }
            rows.append(row)
        }
        let body = rows.map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
        return (byteOrderMark ? "\u{FEFF}" : "") + body
    }

    /// Question ids in order of first appearance across the batch.
    static func questionColumns(_ submissions: [SubmissionResult]) -> [String] {
        var seen = Set<String>()
        var columns: [String] = []
        for s in submissions {
            for q in s.questions where seen.insert(q.id).inserted {
                columns.append(q.id)
            }
        }
        return columns
    }

    /// Neutralises spreadsheet formulas in a text cell (OWASP "CSV injection").
    /// Leading spaces are looked through too: some spreadsheets trim them before deciding.
    static func textCell(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        if ["=", "+", "-", "@", "\t", "\r", "\n"].contains(first) { return "'" + text }
        let firstVisible = text.unicodeScalars.first { $0 != " " && $0 != "\u{A0}" }
        if let firstVisible, ["=", "+", "-", "@"].contains(firstVisible) { return "'" + text }
        return text
    }

    /// RFC 4180 quoting.
    static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
