/// Drops the lines a browser's print dialog puts at the top and bottom of every page when a
/// notebook is printed to PDF and the PDF copied to text: `04/11/2023, 11:42 processingAssgn`,
/// `localhost:8888/nbconvert/html/x.ipynb?download=false 2/5`, `file:///C:/Users/.../x.html`,
/// `3/7`. They land anywhere, also in the middle of a code cell, where they would break the code.
struct PageFurnitureFilter: Sendable {
    struct Result {
        var lines: [SourceLine]
        var removed: [SourceLine]
    }

    func filter(_ lines: [SourceLine]) -> Result {
        var kept: [SourceLine] = []
        var removed: [SourceLine] = []
        kept.reserveCapacity(lines.count)
        for line in lines {
            if Self.isFurniture(line.trimmed) { removed.append(line) } else { kept.append(line) }
        }
        return Result(lines: kept, removed: removed)
    }

    static func isFurniture(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        if first.isASCII && first.isNumber {
            return isDateTimeHeader(text) || isPageNumber(text)
        }
        if first == "P" || first == "p" { return isPageNumber(text) }
        return isPrintURL(text)
    }

    /// `04/11/2023, 11:42 processingAssgn`, `11/4/23, 11:42 AM Untitled - Jupyter Notebook`,
    /// `2023-11-04 11:42 title`. A date and time with nothing after it (and no comma between) is
    /// left alone: that is what `print(datetime.now())` writes.
    static func isDateTimeHeader(_ text: String) -> Bool {
        var s = TextScanner(text)
        guard s.scanDigits(max: 4) != nil, let sep = s.scan(anyOf: ["/", ".", "-"]),
              s.scanDigits(max: 2) != nil, s.scan(anyOf: [sep]) != nil, s.scanDigits(max: 4) != nil
        else { return false }
        let comma = s.scan(",")
        guard s.skipBlanks() > 0 || comma else { return false }
        s.skipBlanks()
        guard s.scanDigits(max: 2) != nil, s.scan(":"), s.scanDigits(max: 2) != nil else { return false }
        if s.scan(":") { _ = s.scanDigits(max: 2) }
        if s.peek == "." { return false }  // fractional seconds: a printed timestamp
        s.skipBlanks()
        if s.scan("AM", caseInsensitive: true) || s.scan("PM", caseInsensitive: true) { s.skipBlanks() }
        let title = s.rest.trimmingBlanks()
        if title.isEmpty { return comma }
        let words = title.split(whereSeparator: { $0 == " " || $0 == "\t" })
        return title.count <= 100 && words.count <= 10 && !title.hasSuffix(".")
    }

    /// `1/5`, `Page 2 of 7`, `2 / 7` (numerator not above the denominator).
    static func isPageNumber(_ text: String) -> Bool {
        var s = TextScanner(text)
        if s.scan("page", caseInsensitive: true) { guard s.skipBlanks() > 0 else { return false } }
        guard let page = s.scanDigits(max: 3).flatMap({ Int($0) }) else { return false }
        s.skipBlanks()
        if !s.scan("/") {
            guard s.scan("of", caseInsensitive: true) else { return false }
        }
        s.skipBlanks()
        guard let total = s.scanDigits(max: 3).flatMap({ Int($0) }) else { return false }
        s.skipBlanks()
        return s.isAtEnd && page >= 1 && page <= total
    }

    /// A footer URL: `file:///...`, a Jupyter server (`localhost:8888/...`, `127.0.0.1`), or Colab,
    /// optionally followed by a page counter. Other URLs on their own line are a student's
    /// reference and stay in the prose.
    static func isPrintURL(_ text: String) -> Bool {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let url = parts.first.map(String.init)?.lowercased() else { return false }
        let trailing = parts.dropFirst()
        let trailingIsPageCounter = trailing.count == 1 && (trailing.first.map { isPageNumber(String($0)) } ?? false)
        guard trailing.isEmpty || trailingIsPageCounter else { return false }
        if url.hasPrefix("file://") { return true }
        let withoutScheme = url.replacingPrefix("https://").replacingPrefix("http://")
        let host = withoutScheme.prefix { $0 != "/" && $0 != ":" }
        if ["localhost", "127.0.0.1", "colab.research.google.com"].contains(String(host)) { return true }
        if host.contains("jupyter") { return true }
        // Any URL followed by a page counter is a print footer.
        return trailingIsPageCounter && (url.hasPrefix("http://") || url.hasPrefix("https://"))
    }
}

extension String {
    func replacingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
