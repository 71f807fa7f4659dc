/// Groups blocks into answers: prose and cells under the heading before them, output under the
/// cell before it; then puts answers in assignment order, merging a question answered twice,
/// and notes what was out of order or missing.
struct SheetAssembler {
    let assignment: Assignment

    private struct Section {
        var number: Int?
        var heading: String
        var line: Int
        var prose: [String] = []
        var cells: [CodeCell] = []

        var isEmpty: Bool { cells.isEmpty && prose.allSatisfy { $0.trimmingBlanks().isEmpty } }
    }

    struct Assembled {
        var questions: [Question]
        var preamble: Question?
        var warnings: [String]
    }

    func assemble(_ blocks: [SheetBlock]) -> Assembled {
        var warnings: [String] = []
        var sections: [Section] = [Section(number: nil, heading: "", line: 1)]
        for block in blocks {
            switch block {
            case .heading(let number, let line, let text):
                sections.append(Section(number: number, heading: text, line: line))
            case .prose(_, let text):
                sections[sections.count - 1].prose.append(text)
            case .code(let line, let text):
                sections[sections.count - 1].cells.append(CodeCell(code: text, recordedOutput: nil, line: line))
            case .output(let line, let text):
                var section = sections[sections.count - 1]
                if let last = section.cells.indices.last {
                    if let existing = section.cells[last].recordedOutput {
                        section.cells[last].recordedOutput = existing + "\n" + text
                    } else {
                        section.cells[last].recordedOutput = text
                    }
                } else {
                    let place = section.number.map { "Q\($0)" } ?? "the preamble"
                    warnings.append("line \(line): output with no code cell before it in \(place); kept as prose")
                    section.prose.append(contentsOf: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
                }
                sections[sections.count - 1] = section
            case .warning(let message):
                warnings.append(message)
            }
        }

        let preambleSection = sections.removeFirst()
        var preamble: Question?
        if !preambleSection.isEmpty {
            preamble = makeQuestion(from: preambleSection, id: "preamble", number: 0)
            if sections.isEmpty {
                warnings.append("no question headings found; the whole sheet is kept as preamble")
            } else if !preambleSection.cells.isEmpty {
                warnings.append("\(preambleSection.cells.count) code cell(s) before the first question heading; kept in the preamble")
            }
        } else if sections.isEmpty {
            warnings.append("the sheet is empty")
        }

        // Merge repeated questions, in order of first appearance.
        var order: [Int] = []
        var merged: [Int: Section] = [:]
        for section in sections {
            guard let number = section.number else { continue }
            if var existing = merged[number] {
                warnings.append("Q\(number) answered twice (lines \(existing.line) and \(section.line)); the answers were merged")
                if !existing.prose.isEmpty && !section.prose.isEmpty { existing.prose.append("") }
                existing.prose.append(contentsOf: section.prose)
                existing.cells.append(contentsOf: section.cells)
                merged[number] = existing
            } else {
                order.append(number)
                merged[number] = section
            }
        }
        if order != order.sorted() {
            warnings.append("questions appear out of order (\(order.map { "Q\($0)" }.joined(separator: ", "))); listed in assignment order")
        }
        var questions: [Question] = []
        for question in assignment.questions {
            guard let section = merged[question.number] else {
                if !sections.isEmpty { warnings.append("no answer found for \(question.id)") }
                continue
            }
            if section.isEmpty { warnings.append("\(question.id) has a heading (line \(section.line)) but no answer") }
            questions.append(makeQuestion(from: section, id: question.id, number: question.number))
        }
        return Assembled(questions: questions, preamble: preamble, warnings: warnings)
    }

    private func makeQuestion(from section: Section, id: String, number: Int) -> Question {
        let prose = Self.displayProse(section.prose)
        return Question(
            id: id, number: number, heading: section.heading, prose: prose,
            scoringText: MarkupStripper.strip(prose), cells: section.cells, line: section.line)
    }

    /// Prose lines as written, with runs of blank lines collapsed to one and blank edges trimmed.
    static func displayProse(_ lines: [String]) -> String {
        var out: [String] = []
        for line in lines {
            let isBlank = line.trimmingBlanks().isEmpty
            if isBlank {
                if let last = out.last, !last.isEmpty { out.append("") }
            } else {
                out.append(line)
            }
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n")
    }
}
