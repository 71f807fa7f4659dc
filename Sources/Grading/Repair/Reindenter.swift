/// Restores the indentation of code whose leading whitespace was lost (a notebook printed to
/// PDF and copied back to text puts every line at the margin).
///
/// Which line belongs to which block cannot be known for sure once indentation is gone; these
/// rules reproduce how assignment code is written, and the repaired copy is only ever run as a
/// second attempt, credited by the rubric's `repair_credit`:
/// 1. `def`, `class`, decorators, `import`/`from` and `if __name__ == ...` start at the margin.
/// 2. Every other line goes into the innermost open block; a line ending in `:` opens a block.
/// 3. `elif`/`else`/`except`/`finally` line up with the header they continue.
/// 4. `return`, `break`, `continue`, `raise` and `pass` end their block.
/// 5. A new loop, `if`, `with` or `try` right after the body of a loop, `if`, `with` or `try`
///    is its sibling, not nested in it (`for p in procs: p.join()` after the loop that started
///    them); inside a `def`, `class` or main guard it is nested.
/// 6. A function does not call itself: a statement placed inside `def f` that calls `f(` moves
///    out of the function, with what follows it (`def show(n): print(n)` then
///    `for i in range(4): show(i)` is a loop after the function, not inside it).
enum Reindenter {
    static let unit = "    "

    /// True when some block header is followed by a line that is not indented deeper: Python
    /// would stop with "expected an indented block", and the export is the likely cause.
    static func indentationLost(_ lines: [String]) -> Bool {
        let meaningful = lines.filter { !$0.trimmingWhitespace.isEmpty && !$0.trimmingWhitespace.hasPrefix("#") }
        for (index, line) in meaningful.enumerated() where isHeader(line.trimmingWhitespace) {
            guard index + 1 < meaningful.count else { return true }
            if indentation(of: meaningful[index + 1]) <= indentation(of: line) { return true }
        }
        return false
    }

    private struct Block {
        var keyword: String
        var headerLevel: Int
        var bodyLevel: Int { headerLevel + 1 }
        /// Whether a statement has been placed in the block yet.
        var hasBody = false
        /// For `if`/`elif`/`else` chains and `try` clauses: every earlier branch ended with
        /// `return`/`raise`/... (so when this one does too, nothing after the chain is reachable
        /// in the function).
        var earlierBranchesEnded = true
        var endedByEnder = false
    }

    static func reindent(_ lines: [String]) -> [String] {
        var stack: [Block] = []
        /// The block most recently closed by a `return`/`break`/...: an `else` or `except` that
        /// follows continues it.
        var recentlyClosed: Block?
        var result: [String] = []
        for line in lines {
            let text = line.trimmingWhitespace
            guard !text.isEmpty else {
                result.append("")
                continue
            }
            let keyword = firstWord(text)
            var level: Int
            var chainEnded = true
            if isTopLevel(text, keyword: keyword) {
                stack.removeAll()
                level = 0
            } else if let partners = continuationPartners[keyword] {
                // Line up with the nearest header this clause continues, open or just closed.
                let open = stack.lastIndex(where: { partners.contains($0.keyword) })
                if let closed = recentlyClosed, partners.contains(closed.keyword),
                   open.map({ closed.headerLevel >= stack[$0].headerLevel }) ?? true {
                    level = closed.headerLevel
                    chainEnded = closed.earlierBranchesEnded
                    stack.removeAll { $0.headerLevel >= level }
                } else if let open {
                    level = stack[open].headerLevel
                    chainEnded = false
                    stack.removeSubrange(open...)
                } else {
                    level = stack.last?.bodyLevel ?? 0
                }
            } else {
                if isHeader(text), let last = stack.last, last.hasBody, siblingKeywords.contains(last.keyword), siblingKeywords.contains(keyword) {
                    stack.removeLast()
                }
                level = stack.last?.bodyLevel ?? 0
                if !stack.isEmpty { stack[stack.count - 1].hasBody = true }
            }
            recentlyClosed = nil
            result.append(String(repeating: unit, count: level) + text)
            if isHeader(text) {
                let isMainGuard = level == 0 && keyword == "if" && isTopLevel(text, keyword: keyword)
                stack.append(Block(keyword: isMainGuard ? "main" : keyword, headerLevel: level, earlierBranchesEnded: chainEnded))
            } else if blockEnders.contains(keyword), var closed = stack.popLast() {
                closed.endedByEnder = true
                closed.earlierBranchesEnded = closed.earlierBranchesEnded && closed.endedByEnder
                recentlyClosed = closed
                // `if ...: return a` / `else: return b`: the function has nothing more to run.
                if closed.keyword == "else" || closed.keyword == "finally", closed.earlierBranchesEnded,
                   stack.last?.keyword == "def" {
                    stack.removeLast()
                }
            }
        }
        return moveSelfCallsOutOfFunctions(result)
    }

    /// Rule 6, applied after the first pass.
    static func moveSelfCallsOutOfFunctions(_ lines: [String]) -> [String] {
        var lines = lines
        var index = 0
        while index < lines.count {
            let text = lines[index]
            guard text.hasPrefix("def "), let name = functionName(text) else {
                index += 1
                continue
            }
            // The function's extent: the indented lines after it.
            var end = index + 1
            while end < lines.count, lines[end].isEmpty || lines[end].hasPrefix(unit) { end += 1 }
            var firstBodyLine: Int?
            var moveFrom: Int?
            for line in (index + 1)..<end where !lines[line].isEmpty {
                if firstBodyLine == nil { firstBodyLine = line }
                if lines[line].hasPrefix(unit), !lines[line].hasPrefix(unit + unit) { moveFrom = line }  // latest statement at body level
                guard line != firstBodyLine, lines[line].contains(name + "(") else { continue }
                // Move the body-level statement holding the call out of the function; when that
                // statement is the function's first (it must keep a body), move the call itself.
                let (from, levels) = moveFrom.map { $0 != firstBodyLine ? ($0, 1) : (line, level(of: lines[line])) } ?? (line, level(of: lines[line]))
                for moved in from..<end where !lines[moved].isEmpty {
                    lines[moved].removeFirst(min(levels, level(of: lines[moved])) * unit.count)
                }
                break
            }
            index += 1
        }
        return lines
    }

    /// How many indentation units a line of the first pass starts with.
    static func level(of line: String) -> Int {
        var count = 0
        var rest = Substring(line)
        while rest.hasPrefix(unit) {
            count += 1
            rest = rest.dropFirst(unit.count)
        }
        return count
    }

    static func functionName(_ line: String) -> String? {
        let name = line.dropFirst(4).prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return name.isEmpty ? nil : String(name)
    }

    static let siblingKeywords: Set<String> = ["for", "while", "if", "with", "try", "elif", "else", "except", "finally"]
    static let blockEnders: Set<String> = ["return", "break", "continue", "raise", "pass"]
    static let continuationPartners: [String: Set<String>] = [
        "elif": ["if", "elif"],
        "else": ["if", "elif", "for", "while", "try", "except"],
        "except": ["try", "except"],
        "finally": ["try", "except", "else"],
    ]

    static func isTopLevel(_ text: String, keyword: String) -> Bool {
        if ["def", "class", "import", "from", "async"].contains(keyword) || text.hasPrefix("@") { return true }
        let squeezed = text.filter { $0 != " " }
        return squeezed.hasPrefix("if__name__==") || squeezed.hasPrefix("if(__name__==")
    }

    /// A line opening a block: it ends with `:` (before any comment).
    static func isHeader(_ text: String) -> Bool {
        var code = text
        if let hash = code.firstIndex(of: "#"), !code[..<hash].contains("'"), !code[..<hash].contains("\"") {
            code = String(code[..<hash])
        }
        let trimmed = code.trimmingWhitespace
        guard trimmed.hasSuffix(":") else { return false }
        // `lambda x: ...` or a dict literal never end with a bare colon; slices do not either.
        return !firstWord(trimmed).isEmpty
    }

    static func firstWord(_ text: String) -> String {
        String(text.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
    }

    static func indentation(of line: String) -> Int {
        var width = 0
        for c in line {
            if c == " " { width += 1 } else if c == "\t" { width += 8 - width % 8 } else { break }
        }
        return width
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" }) else { return "" }
        let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" }) ?? start
        return String(scalars[start...end])
    }
}
