import ArgumentParser
import ConceptScoring
import Foundation
import Grading
import Rubrics

/// `grader check-rubric FILE`: validates a rubric (structure and phrases) and summarises it.
struct CheckRubricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-rubric",
        abstract: "Validate a YAML rubric and summarise its questions, points and concepts.",
        discussion: "Exits 65 when the rubric is invalid, listing every problem as file:line:column: message."
    )

    @Argument(help: "The rubric file (YAML).")
    var file: String

    func run() throws {
        let scorer: ConceptScorer
        do {
            scorer = try ConceptScorer.load(path: file)
        } catch {
            try fail(error.diagnostics.map(\.description))
        }
        // The code checks are read by the grading layer: the same validation `grade` applies.
        do {
            _ = try QuestionSpec.all(in: scorer.rubric)
        } catch {
            try fail(error.diagnostics.map(\.description))
        }
        print(RubricSummary.text(for: scorer.rubric), terminator: "")
    }

    private func fail(_ problems: [String]) throws -> Never {
        let report = problems + ["\(file): \(problems.count) problem\(problems.count == 1 ? "" : "s") found"]
        FileHandle.standardError.write(Data((report.joined(separator: "\n") + "\n").utf8))
        throw ExitCode(65)
    }
}

/// The human-readable summary `check-rubric` prints.
enum RubricSummary {
    static func text(for rubric: Rubric) -> String {
        var lines = ["\(rubric.file): valid rubric for '\(rubric.assignment)': \(rubric.questions.count) questions, \(format(rubric.totalPoints)) points"]
        for question in rubric.questions {
            var line = "  \(question.id) \(question.kind.rawValue), \(format(question.points)) points"
            if question.kind == .both { line += " (prose \(format(question.proseMax)), code \(format(question.codePoints)))" }
            if question.kind.hasProse {
                let phrases = question.concepts.reduce(0) { $0 + $1.phrases.count }
                let required = question.concepts.filter(\.required).count
                line += ": \(question.concepts.count) concepts (\(phrases) phrases, \(required) required)"
                line += ", \(question.misconceptions.count) misconceptions, cap \(format(question.cap))"
                if question.minWords > 0 { line += ", min \(question.minWords) words" }
            }
            if question.kind.hasCode { line += question.kind == .both ? ", \(question.checks.count) checks" : ": \(question.checks.count) checks" }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
