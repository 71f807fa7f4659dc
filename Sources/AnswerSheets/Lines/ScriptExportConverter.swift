/// A notebook saved as a Python script (`jupyter nbconvert --to script`, "Download as .py")
/// marks code cells with `# In[3]:` and turns Markdown cells into `# ` comment lines. This
/// turns it back into the text layout the segmenter knows: prompts become `In [3]:`, and the
/// comment lines of Markdown cells lose their `# `, so headings and prose are seen again.
struct ScriptExportConverter: Sendable {
    /// Only scripts that carry `# In[n]:` markers are converted.
    static func isScriptExport(_ lines: [SourceLine]) -> Bool {
        lines.contains { isCellMarker($0.text) }
    }

    func convert(_ lines: [SourceLine]) -> [SourceLine] {
        var result: [SourceLine] = []
        result.reserveCapacity(lines.count)
        var inCode = false
        var blankRun = 0
        for line in lines {
            let trimmed = line.trimmed
            if Self.isCellMarker(line.text) {
                inCode = true
                blankRun = 0
                result.append(SourceLine(number: line.number, text: "In [" + trimmed.filter(\.isNumber) + "]:"))
                continue
            }
            if line.isBlank {
                blankRun += 1
                result.append(line)
                continue
            }
            // nbconvert separates cells by two or more blank lines; a comment block after them
            // is a Markdown cell (code cells always start with their `# In[n]:` marker).
            if inCode && blankRun >= 2 && trimmed.hasPrefix("#") { inCode = false }
            blankRun = 0
            if inCode {
                result.append(line)
            } else if trimmed.hasPrefix("#!") || trimmed.hasPrefix("# coding") || trimmed.hasPrefix("# -*-") {
                continue
            } else if trimmed.hasPrefix("#") {
                var text = Substring(trimmed).dropFirst()
                if text.first == " " { text = text.dropFirst() }
                result.append(SourceLine(number: line.number, text: String(text)))
            } else {
                result.append(line)
            }
        }
        return result
    }

    private static func isCellMarker(_ text: String) -> Bool {
        let t = text.trimmingBlanks()
        guard t.hasPrefix("#") else { return false }
        if case .inputPrompt = LineClassifier.marker(for: t) { return true }
        return false
    }
}
