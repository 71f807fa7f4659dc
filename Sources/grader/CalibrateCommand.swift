import AnswerSheets
import ArgumentParser
import ConceptScoring
import Foundation
import Rubrics

/// `grader calibrate --human MARKS.csv [--rubric R] SHEETS...`: scores the prose answers of the
/// sheets with the rubric and compares the scores with human marks, question by question
/// (Spearman's rho, quadratic weighted kappa, the largest disagreements with the concepts that
/// fired), so a rubric author can see where the rubric and a human part ways.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Compare the rubric's prose scores with human marks (Spearman, quadratic weighted kappa, disagreements).",
        discussion: """
            MARKS.csv has a header row with the columns file, question and mark (other columns are \
            ignored); files are matched to SHEETS by path, then by file name. A question a sheet \
            does not answer scores 0. Exits 65 when the rubric, the marks or a sheet cannot be read.
            """
    )

    @Option(name: .long, help: "CSV of human marks: file,question,mark.")
    var human: String

    @Option(name: .long, help: "The rubric (YAML).")
    var rubric: String = "rubrics/multiprocessing.yaml"

    @Option(name: .long, help: "The assignment file listing the questions.")
    var assignment: String = "assignments/multiprocessing.md"

    @Option(name: .long, help: "How many disagreements to list per question.")
    var top: Int = 3

    @Argument(help: "Answer sheets to score.")
    var sheets: [String]

    func validate() throws {
        guard top >= 0 else { throw ValidationError("--top must be 0 or more") }
        guard !sheets.isEmpty else { throw ValidationError("give at least one answer sheet") }
    }

    func run() throws {
        let scorer: ConceptScorer
        do {
            scorer = try ConceptScorer.load(path: rubric)
        } catch {
            fail(error.diagnostics.map(\.description).joined(separator: "\n"))
        }
        let marks: [HumanMark]
        do {
            marks = try HumanMarksReader.read(path: human)
        } catch {
            fail("\(error)")
        }
        let reader: SheetReader
        do {
            reader = SheetReader(assignment: try Assignment.load(from: URL(fileURLWithPath: assignment)))
        } catch {
            fail("grader calibrate: \(assignment): \(error)")
        }

        var machine: [MachineMark] = []
        var unreadable = false
        for file in sheets {
            let sheet: AnswerSheet
            do {
                sheet = try reader.read(fileAt: URL(fileURLWithPath: file), name: file)
            } catch {
                unreadable = true
                FileHandle.standardError.write(Data("grader calibrate: \(error)\n".utf8))
                continue
            }
            for question in scorer.proseQuestions {
                // The prose with its markup: the scorer cleans it itself and uses its structure
                // (list items and table cells are separate statements).
                let answer = sheet.question(question.id)?.prose ?? ""
                do {
                    machine.append(MachineMark(file: file, score: try scorer.score(answer: answer, for: question.id)))
                } catch {
                    fail("grader calibrate: \(error)")
                }
            }
        }
        let results = Calibration.compare(human: marks, machine: machine, rubric: scorer.rubric, top: top)
        print(Calibration.report(results), terminator: "")
        if unreadable { throw ExitCode(65) }
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Self.exit(withError: ExitCode(65))
    }
}
