import AnswerSheets
import Foundation

/// Makes a batch of answer sheets from the samples: per question, prose and code drawn from
/// different sample sheets, with varied numbers in the code (so a cache keyed on the source
/// cannot answer for the whole batch), written in three of the samples' layouts (Markdown with
/// `## Question N:` headings and fences, notebook text printed with `QN.` and `In [n]:`, and
/// nbformat 4 notebooks).
struct BatchGenerator {
    struct Material {
        var prose: [String] = []
        var cells: [CodeCell] = []
    }

    let assignment: Assignment
    /// Question number -> what the samples answered.
    let material: [Int: Material]

    init(assignment: Assignment, samples: [AnswerSheet]) {
        self.assignment = assignment
        var m: [Int: Material] = [:]
        for sheet in samples {
            for q in sheet.questions {
                let prose = q.prose.trimmingSpaces()
                if !prose.isEmpty { m[q.number, default: Material()].prose.append(prose) }
                m[q.number, default: Material()].cells += q.cells.filter { !$0.code.isEmpty }
            }
        }
        material = m
    }

    enum Layout: CaseIterable { case markdown, printedText, notebook }

    /// The sheet number `i` of the batch: its file name and bytes.
    func sheet(_ i: Int) -> (name: String, bytes: [UInt8]) {
        let layout = Layout.allCases[i % Layout.allCases.count]
        var answers: [(q: AssignmentQuestion, prose: String, code: CodeCell?)] = []
        for q in assignment.questions {
            let m = material[q.number] ?? Material()
            let prose = m.prose.isEmpty ? "" : m.prose[(i * 7 + q.number) % m.prose.count]
            let code = m.cells.isEmpty ? nil : m.cells[(i * 5 + q.number * 3) % m.cells.count]
            // One student in eleven skips a question, as real batches have gaps.
            if (i + q.number) % 11 == 0 { continue }
            answers.append((q, prose, code.map { vary($0, i) }))
        }
        let stem = "student-" + String(String(i + 10000).dropFirst())
        switch layout {
        case .markdown: return (stem + ".md", Array(markdown(answers, i).utf8))
        case .printedText: return (stem + ".txt", Array(printedText(answers, i).utf8))
        case .notebook: return (stem + ".ipynb", notebook(answers))
        }
    }

    /// Different numbers per sheet: every `range(N)` (N from 2 to 99) moves by up to 3 either
    /// way, every pool size (`Pool(N)`, `processes=N`) is 2 to 4. Sleeps are left as they are:
    /// they are what the batch figure must show. The trailing comment makes every cell's source
    /// unique, so no cache keyed on source can answer for another sheet.
    func vary(_ cell: CodeCell, _ i: Int) -> CodeCell {
        var code = cell.code
        code = Self.replaceNumbers(in: code, pattern: #"range\((\d{1,2})\)"#) { n in n < 2 ? "range(\(n))" : "range(\(max(1, n + (i % 7) - 3)))" }
        code = Self.replaceNumbers(in: code, pattern: #"Pool\((\d{1,2})\)"#) { _ in "Pool(\(2 + i % 3))" }
        code = Self.replaceNumbers(in: code, pattern: #"processes=(\d{1,2})"#) { _ in "processes=\(2 + (i / 3) % 3)" }
        return CodeCell(code: code + "\n# sheet \(i)", recordedOutput: cell.recordedOutput, line: cell.line)
    }

    /// Replaces each match of `pattern` (whose first group is a number) with `replacement(number)`.
    static func replaceNumbers(in code: String, pattern: String, _ replacement: (Int) -> String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return code }
        let text = code as NSString
        var result = ""
        var last = 0
        for match in regex.matches(in: code, range: NSRange(location: 0, length: text.length)) {
            guard let number = Int(text.substring(with: match.range(at: 1))) else { continue }
            result += text.substring(with: NSRange(location: last, length: match.range.location - last)) + replacement(number)
            last = match.range.location + match.range.length
        }
        return result + text.substring(from: last)
    }

    func markdown(_ answers: [(q: AssignmentQuestion, prose: String, code: CodeCell?)], _ i: Int) -> String {
        var out = "# \(assignment.title)\n\nStudent \(i)\n\n"
        for a in answers {
            out += "## Question \(a.q.number): \(a.q.text)\n\n\(a.prose)\n\n"
            if let c = a.code {
                out += "```python\n\(c.code)\n```\n\n"
                if let o = c.recordedOutput, !o.isEmpty { out += "**Output:**\n\n```\n\(o)\n```\n\n" }
            }
        }
        return out
    }

    func printedText(_ answers: [(q: AssignmentQuestion, prose: String, code: CodeCell?)], _ i: Int) -> String {
        var out = "\(assignment.title) - student \(i)\n\n"
        var n = 0
        for a in answers {
            out += "Q\(a.q.number). \(a.q.text)\n\n\(a.prose)\n\n"
            if let c = a.code {
                n += 1
                out += "In [\(n)]: " + c.code + "\n\n"
                if let o = c.recordedOutput, !o.isEmpty { out += o + "\n\n" }
            }
        }
        return out
    }

    func notebook(_ answers: [(q: AssignmentQuestion, prose: String, code: CodeCell?)]) -> [UInt8] {
        struct Output: Encodable {
            var output_type = "stream"
            var name = "stdout"
            var text: [String]
        }
        struct Cell: Encodable {
            var cell_type: String
            var metadata: [String: String] = [:]
            var source: [String]
            var outputs: [Output]?
            var execution_count: Int?
        }
        struct Notebook: Encodable {
            var cells: [Cell]
            var metadata: [String: String] = [:]
            var nbformat = 4
            var nbformat_minor = 5
        }
        func lines(_ s: String) -> [String] {
            let parts = s.split(separator: "\n", omittingEmptySubsequences: false)
            return parts.enumerated().map { i, l in i == parts.count - 1 ? String(l) : String(l) + "\n" }
        }
        var cells: [Cell] = []
        var n = 0
        for a in answers {
            cells.append(Cell(cell_type: "markdown", source: lines("**Q\(a.q.number). \(a.q.text)**\n\n\(a.prose)")))
            if let c = a.code {
                n += 1
                let outs = (c.recordedOutput?.isEmpty ?? true) ? [] : [Output(text: lines(c.recordedOutput! + "\n"))]
                cells.append(Cell(cell_type: "code", source: lines(c.code), outputs: outs, execution_count: n))
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        return (try? Array(encoder.encode(Notebook(cells: cells)))) ?? []
    }
}
