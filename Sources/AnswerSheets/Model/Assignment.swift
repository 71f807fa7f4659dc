import Foundation

/// The assignment a sheet answers: its questions, read from `assignments/<name>.md`.
///
/// The reader needs the question list to tell a question heading from a numbered list item and
/// to recognise headings that only repeat a question's text.
public struct Assignment: Codable, Sendable, Equatable {
    public var title: String
    public var questions: [AssignmentQuestion]

    public init(title: String, questions: [AssignmentQuestion]) {
        self.title = title
        self.questions = questions
    }

    /// The question with this number, if the assignment has one.
    public func question(number: Int) -> AssignmentQuestion? {
        questions.first { $0.number == number }
    }
}

/// One question of an assignment.
public struct AssignmentQuestion: Codable, Sendable, Equatable {
    /// `"Q1"`, `"Q2"`, ...
    public var id: String
    public var number: Int
    /// The question as put to students.
    public var text: String
    /// Whether the answer is expected as prose or as code (later layers score them differently).
    public var kind: Kind

    public enum Kind: String, Codable, Sendable {
        case prose, code
    }

    public init(number: Int, text: String, kind: Kind) {
        self.id = "Q\(number)"
        self.number = number
        self.text = text
        self.kind = kind
    }
}

/// Why an assignment file could not be used.
public struct AssignmentError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var line: Int?
    public var reason: String

    public var description: String {
        if let line { return "\(file):\(line): \(reason)" }
        return "\(file): \(reason)"
    }
}
