import AnswerSheets
import ArgumentParser
import Foundation

/// `grader parse FILE...`: shows how the reader sees each sheet (questions, prose, code cells,
/// recorded output, warnings). One bad file never stops the others; the exit status is 65 when
/// any sheet could not be read.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Read answer sheets and print the questions, prose, code cells and recorded output found in each.",
        discussion: """
            With one FILE the JSON output is one object {"file", "questions", "warnings", ...}; \
            with several it is an array of such objects. Sheets that cannot be read are reported \
            on stderr and make the exit status 65.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case json, text
    }

    @Argument(help: "Answer sheets (.txt, .md, .ipynb, ...).")
    var files: [String]

    @Option(name: .long, help: "Output format: json or text.")
    var format: OutputFormat = .json

    @Option(name: .long, help: "Refuse sheets larger than this many bytes.")
    var maxBytes: Int = SheetReader.Options.defaultMaxBytes

    @Option(name: .long, help: "The assignment file listing the questions.")
    var assignment: String = "assignments/multiprocessing.md"

    func validate() throws {
        guard maxBytes > 0 else { throw ValidationError("--max-bytes must be a positive number of bytes") }
    }

    func run() throws {
        let loaded: Assignment
        do {
            loaded = try Assignment.load(from: URL(fileURLWithPath: assignment))
        } catch {
            let missing = !FileManager.default.fileExists(atPath: assignment)
            FileHandle.standardError.write(Data("grader parse: \(error)\(missing ? " (run from the project root or pass --assignment FILE)" : "")\n".utf8))
            throw ExitCode(missing ? 64 : 65)
        }
        let reader = SheetReader(assignment: loaded, options: .init(maxBytes: maxBytes))
        var sheets: [AnswerSheet] = []
        var failed = false
        for file in files {
            do {
                sheets.append(try reader.read(fileAt: URL(fileURLWithPath: file), name: file))
            } catch {
                failed = true
                FileHandle.standardError.write(Data("grader parse: \(error)\n".utf8))
            }
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = files.count == 1 ? try sheets.first.map { try encoder.encode($0) } : try encoder.encode(sheets)
            if let data { FileHandle.standardOutput.write(data + Data("\n".utf8)) }
        case .text:
            FileHandle.standardOutput.write(Data(sheets.map(SheetTextRenderer.render).joined(separator: "\n").utf8))
        }
        if failed { throw ExitCode(65) }
    }
}

/// The `--format text` view of a sheet: meant for a person checking what the reader found.
enum SheetTextRenderer {
    static func render(_ sheet: AnswerSheet) -> String {
        var out = "=== \(sheet.file)  (\(sheet.format.rawValue), \(sheet.encoding), \(sheet.questions.count) question(s))\n"
        for warning in sheet.warnings { out += "  warning: \(warning)\n" }
        if let preamble = sheet.preamble { out += renderQuestion(preamble, title: "(before the first question)") }
        for question in sheet.questions { out += renderQuestion(question, title: question.heading) }
        return out
    }

    private static func renderQuestion(_ question: Question, title: String) -> String {
        var out = "\n--- \(question.id)  line \(question.line): \(title)\n"
        let prose = question.scoringText
        if prose.isEmpty {
            out += "  prose: (none)\n"
        } else {
            let summary = prose.replacingOccurrences(of: "\n", with: " ")
            out += "  prose (\(prose.split(whereSeparator: \.isWhitespace).count) words): \(summary.count > 240 ? String(summary.prefix(240)) + "..." : summary)\n"
        }
        for (index, cell) in question.cells.enumerated() {
            out += "  cell \(index + 1) (line \(cell.line)):\n"
            out += indent(cell.code, with: "    | ")
            if let output = cell.recordedOutput {
                out += "    output:\n" + indent(output, with: "    > ")
            } else {
                out += "    output: (none recorded)\n"
            }
        }
        return out
    }

    private static func indent(_ text: String, with prefix: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 + "\n" }.joined()
    }
}
