import Foundation
import Reports

/// What happens after a batch is graded (or merged): every report written, the summary table
/// for stdout, the same summary appended to GitHub Actions' job summary when the run is in
/// Actions, and the exit status.
public struct BatchPublisher {
    public var reports: ReportSet
    /// `$GITHUB_STEP_SUMMARY`, when set.
    public var stepSummaryPath: String?

    public init(reports: ReportSet, stepSummaryPath: String? = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"]) {
        self.reports = reports
        self.stepSummaryPath = stepSummaryPath
    }

    /// Writes the reports into `directory` and the job summary; returns the summary table.
    public func publish(_ batch: BatchResult, to directory: URL) throws -> String {
        try reports.write(batch, to: directory)
        if let path = stepSummaryPath, !path.isEmpty {
            try appendStepSummary(SummaryMarkdownWriter().render(batch), to: path)
        }
        return SummaryTextWriter().render(batch)
    }

    /// GitHub gives each step a file to append Markdown to; appending (never replacing) keeps
    /// what earlier steps wrote.
    func appendStepSummary(_ markdown: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        do {
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data((markdown.hasSuffix("\n") ? markdown : markdown + "\n").utf8))
        } catch {
            throw ReportError.writeFailed(path: path, reason: "cannot append the job summary: \(error.localizedDescription)")
        }
    }

    /// 1 when a sheet is under `failUnder` percent (or could not be graded) and a threshold was
    /// given; 0 otherwise.
    public static func exitStatus(_ batch: BatchResult, failUnder: Double?) -> Int32 {
        guard let failUnder else { return 0 }
        return batch.submissions(below: failUnder).isEmpty ? 0 : 1
    }
}
