/// The class summary as an aligned plain-text table for a terminal or a CI log:
///
/// ```
/// Student      Q1   Q2  ...  Total      %
/// sheet-a       2  1.5  ...    7.5     75
/// ...
/// mean       1.75 1.25  ...   6.25   62.5
/// median     ...
/// 2 graded, 1 could not be graded
/// ```
///
/// Names are stripped of control characters (no escape sequences from a file name reach the
/// terminal) and cut to `nameWidth` columns; widths count East Asian characters and emoji as
/// two columns so the table stays aligned.
public struct SummaryTextWriter: Sendable {
    public var nameWidth: Int

    public init(nameWidth: Int = 28) {
        self.nameWidth = max(8, nameWidth)
    }

    public func render(_ batch: BatchResult) -> String {
        let table = SummaryTable(batch)
        var lines: [[String]] = [["Student"] + table.columns + ["Total", "%"]]
        for row in table.rows {
            let name = TerminalText.truncate(TerminalText.sanitize(row.student), to: nameWidth)
            if let error = row.error {
                let reason = TerminalText.truncate(TerminalText.sanitize(error), to: 60)
                lines.append([name, "ERROR: \(reason)"])
            } else {
                lines.append([name] + row.cells.map { $0.map(ScoreFormat.text) ?? "" } + [row.percent.map(ScoreFormat.text) ?? "–"])
            }
        }
        let statRows = [("mean", table.mean), ("median", table.median)]
        if table.gradedCount > 0 {
            for (label, values) in statRows {
                let total = values.last ?? nil
                let percent = total.flatMap { t in table.maxTotal.flatMap { $0 > 0 ? t / $0 * 100 : nil } }
                lines.append([label] + values.map { $0.map(ScoreFormat.text) ?? "" } + [percent.map(ScoreFormat.text) ?? ""])
            }
        }
        let columnCount = lines[0].count
        var widths = Array(repeating: 0, count: columnCount)
        for line in lines where line.count == columnCount {
            for (i, cell) in line.enumerated() { widths[i] = max(widths[i], TerminalText.width(cell)) }
        }
        var out = ""
        for (index, line) in lines.enumerated() {
            var text: String
            if line.count != columnCount {
                // An error row: the name, then the reason across the score columns.
                text = TerminalText.padRight(line[0], to: widths[0]) + "  " + line[1...].joined(separator: " ")
            } else {
                text = line.enumerated().map { i, cell in
                    i == 0 ? TerminalText.padRight(cell, to: widths[0]) : TerminalText.padLeft(cell, to: widths[i])
                }.joined(separator: "  ")
            }
            while text.last == " " { text.removeLast() }
            out += text + "\n"
            if index == 0 || (index == table.rows.count && table.gradedCount > 0) {
                out += String(repeating: "-", count: widths.reduce(0, +) + 2 * (columnCount - 1)) + "\n"
            }
        }
        var footer = "\(table.gradedCount) graded"
        if table.errorCount > 0 { footer += ", \(table.errorCount) could not be graded" }
        out += footer + "\n"
        return out
    }
}
