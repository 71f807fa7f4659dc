/// Repairs of the damage that exporting or printing a notebook does to code, so a cell that no
/// longer parses can still be run and graded on its merits.
///
/// Three kinds of damage are repaired, each only when the cell as submitted failed to parse
/// (a `SyntaxError`, `IndentationError` or `TabError`), and only where the damage is visible:
/// - `prompt`: notebook or console prompts left in the code (`In [3]:`, `>>> `, and `... `
///   continuation prompts when `>>>` prompts are present) are removed;
/// - `quotes`: curly quotes (‘ ’ “ ”) become straight quotes, non-breaking spaces plain spaces;
/// - `indentation`: a block header (a line ending in `:`) followed by a line that is not
///   indented means the indentation was lost; the code is re-indented by the rules of
///   `Reindenter`.
///
/// The grader reports both runs (as submitted, and repaired), names the repairs, and the rubric
/// decides what a pass on repaired code is worth (`repair_credit`, default 0.5).
public enum ExportRepair {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case prompt, quotes, indentation
    }

    /// A repaired copy of a cell.
    public struct Repaired: Sendable, Equatable {
        public var code: String
        public var kinds: [Kind]
        /// What was changed, in words for the student.
        public var description: String
    }

    /// The repaired copy of `code`, or `nil` when no repair applies (then the cell's failure is
    /// the student's own, and stands).
    public static func repair(_ code: String) -> Repaired? {
        var lines = code.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        var kinds: [Kind] = []
        var notes: [String] = []

        let (withoutPrompts, promptCount) = removePrompts(lines)
        if promptCount > 0 {
            lines = withoutPrompts
            kinds.append(.prompt)
            notes.append("removed \(promptCount) leftover prompt\(promptCount == 1 ? "" : "s") (In [n]:, >>>)")
        }
        let (straightened, quoteCount) = straightenQuotes(lines)
        if quoteCount > 0 {
            lines = straightened
            kinds.append(.quotes)
            notes.append("replaced \(quoteCount) curly quote\(quoteCount == 1 ? "" : "s") or non-breaking space\(quoteCount == 1 ? "" : "s") with plain ones")
        }
        if Reindenter.indentationLost(lines) {
            let reindented = Reindenter.reindent(lines)
            if reindented != lines {
                lines = reindented
                kinds.append(.indentation)
                notes.append("restored the lost indentation of blocks")
            }
        }
        guard !kinds.isEmpty else { return nil }
        let description = "The cell did not run as submitted; the grader " + notes.joined(separator: "; ") + " and ran the repaired copy."
        return Repaired(code: lines.joined(separator: "\n"), kinds: kinds, description: description)
    }

    /// Lines with their prompts removed, and how many prompts were removed.
    static func removePrompts(_ lines: [String]) -> ([String], Int) {
        let hasConsolePrompts = lines.contains { $0.drop(while: { $0 == " " }).hasPrefix(">>>") }
        var count = 0
        let result = lines.map { line -> String in
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if let rest = notebookPromptRest(trimmed) {
                count += 1
                return String(rest)
            }
            if trimmed.hasPrefix(">>>") {
                count += 1
                return String(trimmed.dropFirst(3).dropFirst(trimmed.dropFirst(3).first == " " ? 1 : 0))
            }
            if hasConsolePrompts, trimmed.hasPrefix("...") && (trimmed.count == 3 || trimmed.dropFirst(3).first == " ") {
                count += 1
                return String(trimmed.dropFirst(3).dropFirst(trimmed.dropFirst(3).first == " " ? 1 : 0))
            }
            return line
        }
        return (result, count)
    }

    /// The code after an `In [12]:` / `In[ ]:` prompt, or `nil` when the line has none.
    static func notebookPromptRest(_ line: Substring) -> Substring? {
        guard line.hasPrefix("In") else { return nil }
        var rest = line.dropFirst(2).drop(while: { $0 == " " })
        guard rest.first == "[" else { return nil }
        rest = rest.dropFirst()
        rest = rest.drop(while: { $0.isNumber || $0 == " " || $0 == "*" })
        guard rest.hasPrefix("]:") else { return nil }
        rest = rest.dropFirst(2)
        return rest.first == " " ? rest.dropFirst() : rest
    }

    static let quoteReplacements: [Character: Character] = [
        "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{201B}": "'", "\u{2032}": "'",
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{201F}": "\"", "\u{2033}": "\"",
        "\u{00A0}": " ", "\u{202F}": " ",
    ]

    static func straightenQuotes(_ lines: [String]) -> ([String], Int) {
        var count = 0
        let result = lines.map { line in
            String(line.map { c -> Character in
                if let plain = quoteReplacements[c] {
                    count += 1
                    return plain
                }
                return c
            })
        }
        return (result, count)
    }
}
