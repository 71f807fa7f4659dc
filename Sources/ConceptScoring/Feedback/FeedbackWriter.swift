import Foundation
import Rubrics

/// Writes the feedback a student reads for one prose answer: what earned points (quoting the
/// student's own words), what was missing (with the rubric's hint), which misconceptions were
/// spotted (with the correction), and why the score was limited.
enum FeedbackWriter {
    static func lines(for score: ProseScore, question: RubricQuestion) -> [String] {
        var lines: [String] = []
        if score.limits.contains(.tooShort) {
            lines.append(tooShort(score, question))
        }
        for concept in score.earned {
            guard let evidence = concept.evidence else { continue }
            lines.append("Found \(label(concept.id)) (+\(points(concept.points))): \"\(evidence.quote)\"\(howMatched(evidence))")
        }
        for concept in score.missing {
            var line = "Missing\(concept.required ? " (required)" : "") \(label(concept.id)) (\(points(concept.points))): \(concept.feedback)"
            if let negated = concept.negatedEvidence, !score.limits.contains(.tooShort) {
                line += " (\"\(negated.quote)\" is negated by \"\(negated.negatedBy ?? "")\", so it does not count)"
            }
            lines.append(line)
        }
        for misconception in score.misconceptions {
            guard let evidence = misconception.evidence else { continue }
            lines.append("Misconception (\(points(misconception.points))): \"\(evidence.quote)\": \(misconception.feedback)")
        }
        return lines + limitNotes(for: score, question: question, includingTooShort: false)
    }

    /// Only the lines about the score as a whole (too short, capped, held by a missing required
    /// idea): for reports that list each concept in a structured section of their own.
    static func limitNotes(for score: ProseScore, question: RubricQuestion, includingTooShort: Bool = true) -> [String] {
        var lines: [String] = []
        if includingTooShort, score.limits.contains(.tooShort) {
            lines.append(tooShort(score, question))
        }
        if score.limits.contains(.capped) {
            lines.append("The concepts found add up to more than \(points(question.cap)); the question is capped there.")
        }
        if score.limits.contains(.requiredMissing) {
            lines.append("A required idea is missing, so this answer is held at \(points(question.requiredCap)) of \(points(question.proseMax)).")
        }
        return lines
    }

    private static func tooShort(_ score: ProseScore, _ question: RubricQuestion) -> String {
        "Too short to mark: \(score.wordCount) word\(score.wordCount == 1 ? "" : "s"), at least \(question.minWords) needed."
    }

    /// "own-memory" → "own memory".
    static func label(_ id: String) -> String {
        "'" + id.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ") + "'"
    }

    static func points(_ value: Double) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String(value)
        return abs(value) == 1 ? "\(text) point" : "\(text) points"
    }

    /// Notes the non-exact word matches ("multithreading" spelt "Mutithreading").
    static func howMatched(_ evidence: MatchEvidence) -> String {
        var notes: [String] = []
        for token in evidence.tokens where token.kind == .typo {
            notes.append("\"\(token.written)\" read as \"\(token.rubricWord)\"")
        }
        return notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))"
    }
}
