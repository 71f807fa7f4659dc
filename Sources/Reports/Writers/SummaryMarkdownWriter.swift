import Foundation

/// The class summary as a GitHub-flavoured Markdown table, for `$GITHUB_STEP_SUMMARY` (the
/// job summary page of a GitHub Actions run). Same content as `SummaryTextWriter`.
public struct SummaryMarkdownWriter: Sendable {
    public init() {}

    public func render(_ batch: BatchResult) -> String {
        let table = SummaryTable(batch)
        var out = "## Grading summary: \(cell(batch.rubric))\n\n"
        let header = ["Student"] + table.columns.map(cell) + ["Total", "%"]
        out += "| " + header.joined(separator: " | ") + " |\n"
        out += "| --- |" + String(repeating: " ---: |", count: header.count - 1) + "\n"
        for row in table.rows {
            if let error = row.error {
                out += "| \(cell(row.student)) | **error**: \(cell(error))" + String(repeating: " |", count: header.count - 1) + "\n"
            } else {
                let cells = row.cells.map { $0.map(ScoreFormat.text) ?? "" } + [row.percent.map(ScoreFormat.text) ?? "–"]
                out += "| \(cell(row.student)) | " + cells.joined(separator: " | ") + " |\n"
            }
        }
        if table.gradedCount > 0 {
            for (label, values) in [("mean", table.mean), ("median", table.median)] {
                let total = values.last ?? nil
                let percent = total.flatMap { t in table.maxTotal.flatMap { $0 > 0 ? t / $0 * 100 : nil } }
                let cells = values.map { $0.map(ScoreFormat.text) ?? "" } + [percent.map(ScoreFormat.text) ?? ""]
                out += "| *\(label)* | " + cells.joined(separator: " | ") + " |\n"
            }
        }
        out += "\n\(table.gradedCount) graded"
        if table.errorCount > 0 { out += ", \(table.errorCount) could not be graded" }
        return out + "\n"
    }

    /// Text in a table cell: Markdown-escaped (which covers `|`) and on one line.
    private func cell(_ text: String) -> String { MarkdownText.inline(text) }

    /// Appends the summary to the file `$GITHUB_STEP_SUMMARY` names, when it names one.
    /// Returns whether it did (false outside GitHub Actions). Appending, not replacing, is what
    /// GitHub expects: other steps write to the same file.
    @discardableResult
    public func appendToGitHubStepSummary(
        _ batch: BatchResult,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Bool {
        guard let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return false }
        let data = Data(render(batch).utf8)
        guard let handle = FileHandle(forWritingAtPath: path) else {
            // The runner creates the file; create it ourselves if it is not there yet.
            try AtomicFile.write(data, to: URL(fileURLWithPath: path))
            return true
        }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: data)
        } catch {
            throw ReportError.writeFailed(path: path, reason: "\(error)")
        }
        return true
    }
}
