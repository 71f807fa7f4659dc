import Foundation

/// Where each report goes inside the output directory (default `reports/`):
///
/// ```
/// reports/
///   results.json              the batch, per the JSON contract (ResultsJSONWriter)
///   gradebook.csv             the class gradebook (GradebookCSVWriter)
///   junit.xml                 a suite per student, a case per question (JUnitXMLWriter)
///   summary.txt               the summary table printed on stdout (SummaryTextWriter)
///   summary.md                the same in GitHub Markdown (SummaryMarkdownWriter)
///   students/<name>.md        feedback per student (MarkdownFeedbackWriter)
///   students/<name>.html      the same as a self-contained page (HTMLFeedbackWriter)
///   gradescope/<name>.json    Gradescope autograder results per student (GradescopeWriter)
///   results/<name>-<hash>.json  one result per sheet, written as it is graded (ResultStore)
/// ```
///
/// `<name>` is the sheet's file name without extension, made file-system safe and unique in the
/// batch (`ReportNaming.uniqueBaseNames`).
public struct ReportLayout: Sendable, Equatable {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public var resultsJSON: URL { root.appendingPathComponent("results.json") }
    public var gradebookCSV: URL { root.appendingPathComponent("gradebook.csv") }
    public var junitXML: URL { root.appendingPathComponent("junit.xml") }
    public var summaryText: URL { root.appendingPathComponent("summary.txt") }
    public var summaryMarkdown: URL { root.appendingPathComponent("summary.md") }
    public var studentsDirectory: URL { root.appendingPathComponent("students", isDirectory: true) }
    public var gradescopeDirectory: URL { root.appendingPathComponent("gradescope", isDirectory: true) }
    public var resultsDirectory: URL { root.appendingPathComponent("results", isDirectory: true) }

    public func studentMarkdown(_ name: String) -> URL { studentsDirectory.appendingPathComponent("\(name).md") }
    public func studentHTML(_ name: String) -> URL { studentsDirectory.appendingPathComponent("\(name).html") }
    public func gradescopeJSON(_ name: String) -> URL { gradescopeDirectory.appendingPathComponent("\(name).json") }
}
