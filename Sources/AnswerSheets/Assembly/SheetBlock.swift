/// The pieces a sheet is cut into before they are grouped into questions. Readers (text,
/// Markdown, notebook) produce blocks; the `SheetAssembler` turns blocks into the model.
enum SheetBlock: Equatable {
    /// A question heading; `text` is the line as written.
    case heading(number: Int, line: Int, text: String)
    /// One line of prose as written (an empty string for a blank line).
    case prose(line: Int, text: String)
    case code(line: Int, text: String)
    case output(line: Int, text: String)
    case warning(String)
}

extension Array where Element == SourceLine {
    /// Lines joined with newlines, without leading and trailing blank lines. An indentation of
    /// four or more columns shared by every line (a Markdown indented block, as nbconvert writes
    /// outputs) is removed; smaller indents are part of the text (a traceback's `  File`).
    func joinedTrimmingBlankEdges() -> String {
        guard let first = firstIndex(where: { !$0.isBlank }), let last = lastIndex(where: { !$0.isBlank }) else { return "" }
        let lines = self[first...last].map(\.text)
        let indents = lines.filter { !$0.trimmingBlanks().isEmpty }.map { $0.leadingBlanks.count }
        let common = indents.min() ?? 0
        let sameIndent = lines.allSatisfy { $0.trimmingBlanks().isEmpty || $0.leadingBlanks.count >= common && $0.hasPrefix(String(lines.first { !$0.trimmingBlanks().isEmpty }?.prefix(common) ?? "")) }
        if common >= 4 && sameIndent {
            return lines.map { $0.trimmingBlanks().isEmpty ? "" : String($0.dropFirst(common)) }.joined(separator: "\n")
        }
        return lines.joined(separator: "\n")
    }

    /// Code lines joined: blank edges dropped, the indentation common to all lines removed (code
    /// pasted into an indented Markdown block), no-break spaces in indentation made spaces.
    func joinedAsCode() -> String {
        guard let first = firstIndex(where: { !$0.isBlank }), let last = lastIndex(where: { !$0.isBlank }) else { return "" }
        let lines = self[first...last].map { line -> String in
            let indent = line.text.leadingBlanks
            guard indent.contains("\u{A0}") else { return line.text }
            return indent.replacingOccurrences(of: "\u{A0}", with: " ") + line.text.dropFirst(indent.count)
        }
        let indents = lines.filter { !$0.trimmingBlanks().isEmpty }.map { String($0.leadingBlanks) }
        var common = indents.first ?? ""
        for indent in indents.dropFirst() {
            while !indent.hasPrefix(common) { common.removeLast() }
            if common.isEmpty { break }
        }
        return lines.map { $0.hasPrefix(common) ? String($0.dropFirst(common.count)) : $0.trimmingBlanks() }.joined(separator: "\n")
    }
}
