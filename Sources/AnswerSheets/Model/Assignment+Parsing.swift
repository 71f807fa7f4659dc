import Foundation

extension Assignment {
    /// Loads an assignment from its Markdown file (format described at the top of
    /// `assignments/multiprocessing.md`).
    public static func load(from url: URL) throws(AssignmentError) -> Assignment {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw AssignmentError(file: url.path, line: nil, reason: "no such assignment file")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw AssignmentError(file: url.path, line: nil, reason: "cannot read the assignment file (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AssignmentError(file: url.path, line: nil, reason: "the assignment file is not UTF-8 text")
        }
        return try parse(text, source: url.path)
    }

    /// Parses the assignment format:
    ///
    ///     # Title
    ///     ## Q1. Question text on one line
    ///     kind: prose            (optional, `prose` or `code`; default prose)
    ///     any other lines are notes for students and are ignored
    ///
    /// HTML comments (`<!-- ... -->`) are skipped, so the format can be documented in the file.
    public static func parse(_ text: String, source: String) throws(AssignmentError) -> Assignment {
        var title = ""
        var questions: [AssignmentQuestion] = []
        var inComment = false
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if inComment {
                if let end = line.range(of: "-->") {
                    inComment = false
                    line = String(line[end.upperBound...]).trimmingCharacters(in: .whitespaces)
                } else {
                    continue
                }
            }
            if line.hasPrefix("<!--") {
                if !line.contains("-->") { inComment = true }
                continue
            }
            if line.hasPrefix("## ") {
                let heading = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
                guard let (number, questionText) = parseQuestionHeading(heading) else {
                    throw AssignmentError(file: source, line: lineNumber, reason: "expected a question heading like `## Q1. text`, found `\(line)`")
                }
                if questions.contains(where: { $0.number == number }) {
                    throw AssignmentError(file: source, line: lineNumber, reason: "question Q\(number) is defined twice")
                }
                guard !questionText.isEmpty else {
                    throw AssignmentError(file: source, line: lineNumber, reason: "question Q\(number) has no text")
                }
                questions.append(AssignmentQuestion(number: number, text: questionText, kind: .prose))
            } else if line.hasPrefix("# ") && title.isEmpty {
                title = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
            } else if line.lowercased().hasPrefix("kind:") {
                guard !questions.isEmpty else {
                    throw AssignmentError(file: source, line: lineNumber, reason: "`kind:` before any question heading")
                }
                let value = line.dropFirst(5).trimmingCharacters(in: .whitespaces).lowercased()
                guard let kind = AssignmentQuestion.Kind(rawValue: value) else {
                    throw AssignmentError(file: source, line: lineNumber, reason: "unknown kind `\(value)` (expected `prose` or `code`)")
                }
                questions[questions.count - 1].kind = kind
            }
        }
        guard !questions.isEmpty else {
            throw AssignmentError(file: source, line: nil, reason: "no questions found (expected headings like `## Q1. text`)")
        }
        return Assignment(title: title, questions: questions.sorted { $0.number < $1.number })
    }

    /// `Q3. text` → (3, "text").
    private static func parseQuestionHeading(_ heading: String) -> (Int, String)? {
        guard heading.first == "Q" || heading.first == "q" else { return nil }
        let afterQ = heading.dropFirst()
        let digits = afterQ.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits), number > 0 else { return nil }
        var rest = afterQ.dropFirst(digits.count)
        guard let separator = rest.first, separator == "." || separator == ")" || separator == ":" else { return nil }
        rest = rest.dropFirst()
        return (number, rest.trimmingCharacters(in: .whitespaces))
    }
}
