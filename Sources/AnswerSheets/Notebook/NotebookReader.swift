import Foundation

/// Reads a Jupyter notebook (`.ipynb`, nbformat 4, and the older nbformat 3 layout): Markdown
/// cells go through the same `TextSegmenter` as text sheets (that is where the question headings
/// are), code cells are code by construction, and their outputs — stream text, results,
/// errors — become the recorded output.
///
/// Line numbers in a notebook's model are cell numbers (1-based): the JSON's own lines mean
/// nothing to a student.
struct NotebookReader {
    let headings: HeadingRecognizer

    /// A notebook is JSON: a `.ipynb` name with JSON inside, or JSON with notebook keys under
    /// any name. (A `.ipynb` name on plain text is read as text, with a warning.)
    static func looksLikeNotebook(name: String, text: String) -> Bool {
        let startsLikeJSON = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.first == "{"
        if name.lowercased().hasSuffix(".ipynb") { return startsLikeJSON }
        let head = text.prefix(2000)
        return startsLikeJSON && head.contains("\"cells\"") && text.contains("\"nbformat\"")
    }

    func blocks(from text: String, file: String) throws(SheetReadError) -> (blocks: [SheetBlock], warnings: [String]) {
        let root: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                throw SheetReadError(file: file, kind: .malformedNotebook, reason: "is a .ipynb file but its JSON is not an object")
            }
            root = object
        } catch let error as SheetReadError {
            throw error
        } catch {
            throw SheetReadError(file: file, kind: .malformedNotebook, reason: "is a .ipynb file but not valid JSON (\(Self.describe(error)))")
        }
        var warnings: [String] = []
        let cells: [[String: Any]]
        if let v4 = root["cells"] as? [[String: Any]] {
            cells = v4
        } else if let worksheets = root["worksheets"] as? [[String: Any]] {
            cells = worksheets.flatMap { ($0["cells"] as? [[String: Any]]) ?? [] }
            warnings.append("old notebook format (nbformat 3)")
        } else {
            throw SheetReadError(file: file, kind: .malformedNotebook, reason: "is a .ipynb file without a `cells` list")
        }

        var segmenter = TextSegmenter(headings: headings)
        for (offset, cell) in cells.enumerated() {
            let number = offset + 1
            let type = cell["cell_type"] as? String ?? ""
            let source = Self.text(cell["source"] ?? cell["input"])
            switch type {
            case "markdown", "raw", "heading":
                // A blank line after each cell keeps cells apart as paragraphs.
                let lines = LineSplitter.split(source).map { SourceLine(number: number, text: $0.text) }
                segmenter.process(lines + [SourceLine(number: number, text: "")])
            case "code":
                let code = LineSplitter.split(source).map(\.text).joined(separator: "\n").trimmingTrailingNewlines()
                guard !code.trimmingBlanks().isEmpty else { continue }
                let outputs = (cell["outputs"] as? [[String: Any]]) ?? []
                segmenter.appendCode(code, line: number, output: Self.recordedOutput(outputs))
            default:
                warnings.append("cell \(number): unknown cell type `\(type)`; its text is kept as prose")
                segmenter.process(LineSplitter.split(source).map { SourceLine(number: number, text: $0.text) })
            }
        }
        segmenter.finishPending()
        return (segmenter.blocks, warnings)
    }

    /// What a notebook shows under a code cell, in order; `nil` when nothing.
    static func recordedOutput(_ outputs: [[String: Any]]) -> String? {
        var parts: [String] = []
        for output in outputs {
            switch output["output_type"] as? String ?? "" {
            case "stream":
                parts.append(text(output["text"]))
            case "execute_result", "display_data", "pyout":
                if let data = output["data"] as? [String: Any], let plain = data["text/plain"] {
                    parts.append(text(plain) + "\n")
                } else if let plain = output["text"] {
                    parts.append(text(plain) + "\n")
                }
            case "error", "pyerr":
                if let traceback = output["traceback"] as? [String], !traceback.isEmpty {
                    parts.append(traceback.map { ANSI.strip($0) }.joined(separator: "\n") + "\n")
                } else {
                    let name = output["ename"] as? String ?? "Error"
                    let value = output["evalue"] as? String ?? ""
                    parts.append("\(name): \(value)\n")
                }
            default:
                continue
            }
        }
        let joined = parts.joined().trimmingTrailingNewlines()
        return joined.isEmpty ? nil : joined
    }

    /// nbformat stores text as a string or as a list of lines.
    static func text(_ value: Any?) -> String {
        if let string = value as? String { return string }
        if let lines = value as? [String] { return lines.joined() }
        return ""
    }

    private static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let detail = nsError.userInfo["NSDebugDescription"] as? String { return detail }
        return nsError.localizedDescription
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var result = self
        while result.last == "\n" || result.last == "\r" { result.removeLast() }
        return result
    }
}
