import Foundation

/// The reports a batch can produce; `grader grade --format` picks among them.
public enum ReportFormat: String, CaseIterable, Sendable, Codable {
    case json, csv, junit, markdown, html, gradescope, summary

    /// Parses a `--format` value: names separated by commas (`json,csv,junit`), or `all`.
    /// `md` is accepted for `markdown`. An unknown name is an error that lists the valid ones.
    public static func parse(_ list: String) throws -> Set<ReportFormat> {
        var formats = Set<ReportFormat>()
        for raw in list.split(separator: ",") {
            let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            if name == "all" {
                formats.formUnion(allCases)
            } else if let format = ReportFormat(rawValue: name == "md" ? "markdown" : name) {
                formats.insert(format)
            } else {
                throw ReportError.unknownFormat(name, valid: ["all"] + allCases.map(\.rawValue))
            }
        }
        guard !formats.isEmpty else { throw ReportError.unknownFormat(list, valid: ["all"] + allCases.map(\.rawValue)) }
        return formats
    }
}

/// Writes every report of a batch into an output directory with the layout of `ReportLayout`,
/// each file atomically, so a reader (a CI step, an instructor's browser) never sees half a
/// report.
///
/// Per-student files of students no longer in the batch are removed from `students/` and
/// `gradescope/` (those folders belong to the grader; only the kinds of file written this run
/// are pruned), so the folder always matches `results.json`. The per-submission `results/` folder is left alone: it is the pipeline's
/// record of what was graded (see `ResultStore`).
public struct ReportSet: Sendable {
    public var formats: Set<ReportFormat>
    public var gradebook: GradebookCSVWriter
    public var gradescope: GradescopeWriter

    public init(
        formats: Set<ReportFormat> = Set(ReportFormat.allCases),
        gradebook: GradebookCSVWriter = GradebookCSVWriter(),
        gradescope: GradescopeWriter = GradescopeWriter()
    ) {
        self.formats = formats
        self.gradebook = gradebook
        self.gradescope = gradescope
    }

    /// Writes the selected reports and returns the files written, in a stable order.
    @discardableResult
    public func write(_ batch: BatchResult, to directory: URL) throws -> [URL] {
        let layout = ReportLayout(root: directory)
        var written: [URL] = []
        func put(_ data: Data, _ url: URL) throws {
            try AtomicFile.write(data, to: url)
            written.append(url)
        }
        if formats.contains(.json) {
            try ResultsJSONWriter().write(batch, to: layout.resultsJSON)
            written.append(layout.resultsJSON)
        }
        if formats.contains(.csv) { try put(Data(gradebook.render(batch).utf8), layout.gradebookCSV) }
        if formats.contains(.junit) { try put(Data(JUnitXMLWriter().render(batch).utf8), layout.junitXML) }
        if formats.contains(.summary) {
            try put(Data(SummaryTextWriter().render(batch).utf8), layout.summaryText)
            try put(Data(SummaryMarkdownWriter().render(batch).utf8), layout.summaryMarkdown)
        }
        let names = ReportNaming.uniqueBaseNames(for: batch.submissions)
        var studentFiles = Set<String>()
        var gradescopeFiles = Set<String>()
        for (submission, name) in zip(batch.submissions, names) {
            if formats.contains(.markdown) {
                let url = layout.studentMarkdown(name)
                try put(Data(MarkdownFeedbackWriter().render(submission, rubric: batch.rubric).utf8), url)
                studentFiles.insert(url.lastPathComponent)
            }
            if formats.contains(.html) {
                let url = layout.studentHTML(name)
                try put(Data(HTMLFeedbackWriter().render(submission, rubric: batch.rubric).utf8), url)
                studentFiles.insert(url.lastPathComponent)
            }
            if formats.contains(.gradescope) {
                let url = layout.gradescopeJSON(name)
                try put(gradescope.render(submission), url)
                gradescopeFiles.insert(url.lastPathComponent)
            }
        }
        // Prune only the kinds written this run: `--format html` must not delete last run's `.md`.
        var studentExtensions = Set<String>()
        if formats.contains(.markdown) { studentExtensions.insert("md") }
        if formats.contains(.html) { studentExtensions.insert("html") }
        try removeStale(in: layout.studentsDirectory, extensions: studentExtensions, keeping: studentFiles)
        if formats.contains(.gradescope) {
            try removeStale(in: layout.gradescopeDirectory, extensions: ["json"], keeping: gradescopeFiles)
        }
        return written
    }

    /// Removes report files (only of the given extensions) that this run did not write.
    private func removeStale(in directory: URL, extensions: Set<String>, keeping: Set<String>) throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where !keeping.contains(name) && !name.hasPrefix(".") {
            let ext = URL(fileURLWithPath: name).pathExtension
            guard extensions.contains(ext) else { continue }
            let url = directory.appendingPathComponent(name)
            do {
                try FileManager.default.removeItem(at: url)
            } catch {
                throw ReportError.writeFailed(path: url.path, reason: "cannot remove a stale report: \(error.localizedDescription)")
            }
        }
    }
}
