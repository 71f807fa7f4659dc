import ArgumentParser
import Foundation
import Grading
import Reports

/// `grader merge DIR...`: combines shards graded separately (a CI matrix, a Slurm array) into
/// one batch and writes every report for it.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine shards graded separately into one batch and write its reports.",
        discussion: """
        Each DIR is a reports directory of a shard (its results/ folder is read), a directory \
        holding a results.json, or a directory of per-sheet result files; a file is read as a \
        results file. A sheet found twice keeps its result from the later DIR.
        """
    )

    @Argument(help: "Shard reports directories or results files.")
    var paths: [String]

    @Option(name: .long, help: "Directory for the merged reports.")
    var out: String = "reports"

    @Option(name: .long, help: "Reports to write: all, or a comma-separated list of json, csv, junit, markdown, html, gradescope, summary.")
    var format: String = "all"

    @Option(name: .customLong("fail-under"), help: "Exit with status 1 when a student scores under this percentage.")
    var failUnder: Double?

    func run() throws {
        let formats: Set<ReportFormat>
        do {
            formats = try ReportFormat.parse(format)
        } catch {
            throw ValidationError(String(describing: error))
        }
        let batch: BatchResult
        do {
            batch = try BatchResult.load(from: paths.map { URL(fileURLWithPath: $0) })
        } catch {
            FileHandle.standardError.write(Data("grader merge: \(error)\n".utf8))
            throw ExitCode(65)
        }
        let summary: String
        do {
            summary = try BatchPublisher(reports: ReportSet(formats: formats)).publish(batch, to: URL(fileURLWithPath: out))
        } catch {
            FileHandle.standardError.write(Data("grader merge: \(error)\n".utf8))
            throw ExitCode(1)
        }
        print(summary, terminator: "")
        print("Merged \(batch.submissions.count) sheet\(batch.submissions.count == 1 ? "" : "s") from \(paths.count) part\(paths.count == 1 ? "" : "s"); reports in \(out)/")
        let status = BatchPublisher.exitStatus(batch, failUnder: failUnder)
        if status != 0 { throw ExitCode(status) }
    }
}
