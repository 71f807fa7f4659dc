import Foundation

/// Which cells run for a question.
///
/// A question's own cells run, in sheet order, sharing globals. Cells of earlier questions are
/// not run (their output is not this question's), except when this question's code needs a
/// definition only they provide: when the run stops with `NameError: name 'X' is not defined`
/// and an earlier question's cell defines `X` at its top level (`def X`, `class X`, `X = ...`,
/// an import binding `X`), that cell is run first, silently, and the question's cells run again
/// after it. This repeats for up to `maxPreludeRounds` missing names.
///
/// "Defines at top level" is read from the cell's lines (a line at the margin that starts with
/// `def X(`, `class X`, `X =`, `import X`, `... as X`, or `from ... import ... X`): a definition
/// hidden inside a block is not a reason to run another question's code.
public enum CellPlan {
    public static let maxPreludeRounds = 3

    /// The name a `NameError` message says is missing.
    public static func missingName(in exception: RaisedException?) -> String? {
        guard let exception, exception.type == "NameError" else { return nil }
        let message = exception.message
        guard let open = message.firstIndex(of: "'") else { return nil }
        let rest = message[message.index(after: open)...]
        guard let close = rest.firstIndex(of: "'") else { return nil }
        let name = String(rest[..<close])
        return name.isEmpty ? nil : name
    }

    /// Whether `code` defines `name` at its top level.
    public static func defines(_ name: String, in code: String) -> Bool {
        for raw in code.split(whereSeparator: \.isNewline) {
            let line = String(raw)
            guard let first = line.first, first != " ", first != "\t", first != "#" else { continue }
            let words = line.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "=") })
            guard let head = words.first else { continue }
            switch head {
            case "def", "class":
                if words.count > 1, words[1] == Substring(name) { return true }
            case "import", "from":
                // `import a as X`, `import X`, `from m import a, X`, `from m import X as Y` (Y).
                let tokens = words.dropFirst().filter { $0 != "=" }
                var index = tokens.startIndex
                while index < tokens.endIndex {
                    let token = tokens[index]
                    let next = tokens.index(after: index)
                    if next < tokens.endIndex, tokens[next] == "as" {
                        let aliasIndex = tokens.index(after: next)
                        if aliasIndex < tokens.endIndex, tokens[aliasIndex] == Substring(name) { return true }
                        index = tokens.index(after: aliasIndex)
                        continue
                    }
                    if head == "import", token.split(separator: ".").first == Substring(name) { return true }
                    if head == "from", token == Substring(name), index != tokens.startIndex { return true }
                    index = next
                }
            default:
                let trimmed = line.replacingOccurrences(of: " ", with: "")
                for target in trimmed.split(separator: "=", maxSplits: 1).first?.split(separator: ",") ?? [] where target == Substring(name) {
                    if trimmed.contains("=") && !trimmed.hasPrefix("\(name)==") { return true }
                }
            }
        }
        return false
    }
}
