import Foundation
import Rubrics

/// The rubric's prose score for one file's answer, with the concepts that fired.
public struct MachineMark: Sendable, Codable, Hashable {
    public var file: String
    public var question: String
    public var score: Double
    /// Ids of the concepts earned and misconceptions spotted.
    public var fired: [String]

    public init(file: String, question: String, score: Double, fired: [String]) {
        self.file = file
        self.question = question
        self.score = score
        self.fired = fired
    }

    public init(file: String, score: ProseScore) {
        self.init(file: file, question: score.questionID, score: score.score, fired: score.firedConceptIDs)
    }
}

/// An answer the rubric and the human marked differently.
public struct Disagreement: Sendable, Codable, Hashable {
    public var file: String
    public var human: Double
    public var machine: Double
    public var fired: [String]

    /// Rubric minus human: positive when the rubric was more generous.
    public var difference: Double { machine - human }
}

/// How well the rubric agrees with the human marks on one question.
public struct QuestionAgreement: Sendable, Codable, Hashable {
    public var question: String
    /// Answers marked by both.
    public var count: Int
    public var spearman: Double?
    public var kappa: Double?
    /// The scale the kappa was computed on.
    public var step: Double
    public var maximum: Double
    public var meanHuman: Double
    public var meanMachine: Double
    /// Largest disagreements first (ties by file name).
    public var disagreements: [Disagreement]
    /// Human marks with no rubric score (file not graded), by file.
    public var unmatched: [String]
}

/// Compares rubric scores with human marks, question by question.
public enum Calibration {
    /// Pairs marks by question and file (exact path, else file name, else file name without its
    /// extension, so `submissions/a.txt` in the CSV finds `/tmp/x/submissions/a.txt`), and
    /// computes Spearman's rho and the quadratic weighted kappa (on the question's mark scale:
    /// half points when any of its point values is fractional, else whole points, up to the prose
    /// part's maximum). Questions without prose, or with no human marks, are left out.
    public static func compare(human: [HumanMark], machine: [MachineMark], rubric: Rubric, top: Int = 3) -> [QuestionAgreement] {
        var results: [QuestionAgreement] = []
        for question in rubric.questions where question.kind.hasProse {
            let marks = human.filter { $0.question == question.id }
            guard !marks.isEmpty else { continue }
            let scores = machine.filter { $0.question == question.id }
            var pairs: [(human: HumanMark, machine: MachineMark)] = []
            var unmatched: [String] = []
            for mark in marks {
                if let score = match(mark.file, in: scores) { pairs.append((mark, score)) } else { unmatched.append(mark.file) }
            }
            let humanMarks = pairs.map(\.human.mark), machineMarks = pairs.map(\.machine.score)
            let disagreements = pairs
                .map { Disagreement(file: $0.human.file, human: $0.human.mark, machine: $0.machine.score, fired: $0.machine.fired) }
                .filter { $0.difference != 0 }
                .sorted { (abs($0.difference), $1.file) > (abs($1.difference), $0.file) }
            let count = Double(Swift.max(pairs.count, 1))
            results.append(QuestionAgreement(
                question: question.id, count: pairs.count,
                spearman: AgreementStatistics.spearman(humanMarks, machineMarks),
                kappa: AgreementStatistics.quadraticWeightedKappa(humanMarks, machineMarks, step: question.markStep, maximum: question.proseMax),
                step: question.markStep, maximum: question.proseMax,
                meanHuman: humanMarks.reduce(0, +) / count, meanMachine: machineMarks.reduce(0, +) / count,
                disagreements: Array(disagreements.prefix(top)), unmatched: unmatched.sorted()))
        }
        return results
    }

    static func match(_ file: String, in scores: [MachineMark]) -> MachineMark? {
        if let exact = scores.first(where: { $0.file == file }) { return exact }
        let name = URL(fileURLWithPath: file).lastPathComponent
        if let byName = scores.first(where: { URL(fileURLWithPath: $0.file).lastPathComponent == name }) { return byName }
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return scores.first { URL(fileURLWithPath: $0.file).deletingPathExtension().lastPathComponent == stem }
    }

    /// A plain-text report: one block per question.
    public static func report(_ results: [QuestionAgreement]) -> String {
        func number(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "n/a" }
        func mark(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(format: "%g", value) }
        var lines: [String] = []
        for result in results {
            lines.append("\(result.question): \(result.count) answer\(result.count == 1 ? "" : "s"), Spearman \(number(result.spearman)), QWK \(number(result.kappa)) (scale 0–\(mark(result.maximum)) in steps of \(mark(result.step))), mean human \(String(format: "%.2f", result.meanHuman)), mean rubric \(String(format: "%.2f", result.meanMachine))")
            for disagreement in result.disagreements {
                let fired = disagreement.fired.isEmpty ? "none" : disagreement.fired.joined(separator: ", ")
                lines.append("  \(disagreement.file): human \(mark(disagreement.human)), rubric \(mark(disagreement.machine)); fired: \(fired)")
            }
            if !result.unmatched.isEmpty {
                lines.append("  no rubric score for: \(result.unmatched.joined(separator: ", "))")
            }
        }
        return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }
}
