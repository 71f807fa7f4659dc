/// CPython 3.11's error-location lines under traceback source lines:
///
///     return d["k"] + 1
///            ~~~~~~~^~~
///
/// The span is the innermost expression that raised in each frame (`PyExceptionObject.
/// pendingCaret`, moved onto the frame's traceback entry as it unwinds). Binary operations
/// mark their operator with `^` and the operands with `~`, subscripts their `[...]`; anything
/// else is all `^`. Like CPython (Python/traceback.c), the line is left out when plain carets
/// would cover the whole source line.
struct CaretSpan: Sendable, Equatable {
    enum Anchors: Sendable, Equatable {
        case none
        /// 1-based column just past the left operand, and the right operand's first column.
        case binary(leftEnd: Int, rightStart: Int)
        /// 1-based column just past the subscripted value, and just past the subscript.
        case subscripted(valueEnd: Int, sliceEnd: Int)
    }

    let line: Int
    let column: Int
    let endLine: Int
    let endColumn: Int
    let anchors: Anchors

    /// The span of `e`, or nil when its end is unknown.
    init?(_ e: Expr) {
        guard e.endColumn > 0, e.endLine >= e.line else { return nil }
        line = e.line
        column = e.column
        endLine = e.endLine
        endColumn = e.endColumn
        switch e.kind {
        case .binary(_, let l, let r) where l.endColumn > 0 && l.endLine == e.line && r.line == e.line:
            anchors = .binary(leftEnd: l.endColumn, rightStart: r.column)
        case .subscript(let value, let index) where value.endColumn > 0 && index.endColumn > 0 && index.endLine == e.line:
            anchors = .subscripted(valueEnd: value.endColumn, sliceEnd: index.endColumn)
        default:
            anchors = .none
        }
    }

    /// From a statement's start through the end of its last expression, all `^`.
    init?(line: Int, column: Int, through last: Expr) {
        guard last.endColumn > 0 else { return nil }
        self.line = line
        self.column = column
        endLine = last.endLine
        endColumn = last.endColumn
        anchors = .none
    }

    /// The caret line for `sourceLine` (the full line, indentation included) as CPython prints
    /// it after the stripped source line, or nil when CPython prints none.
    func render(sourceLine: String) -> String? {
        let chars = Array(sourceLine.unicodeScalars)
        let indent = chars.prefix { $0 == " " || $0 == "\t" }.count
        let start = column - 1
        var end = endColumn - 1
        var anchorRange: Range<Int>?
        if line == endLine {
            anchorRange = anchorColumns(chars)
        } else {
            // A multi-line expression: underline to the last non-blank character of this line.
            end = chars.count
            while end > 0 && chars[end - 1].properties.isWhitespace { end -= 1 }
        }
        guard start >= indent, end > start, end <= chars.count else { return nil }
        if end - start == chars.count - indent && anchorRange == nil { return nil }
        var out = "    " + String(repeating: " ", count: start - indent)
        for k in start..<end {
            if let a = anchorRange { out += a.contains(k) ? "^" : "~" } else { out += "^" }
        }
        return out
    }

    /// 0-based columns that get `^` among `~`: the operator of a binary operation (skipping
    /// blanks and closing parentheses after the left operand; two characters for `//`, `**`,
    /// `<<`...), or the brackets of a subscript.
    private func anchorColumns(_ chars: [Unicode.Scalar]) -> Range<Int>? {
        switch anchors {
        case .none:
            return nil
        case .binary(let leftEnd, let rightStart):
            var i = leftEnd - 1
            let limit = min(rightStart - 1, chars.count)
            while i < limit && (chars[i].properties.isWhitespace || chars[i] == ")") { i += 1 }
            guard i < limit else { return nil }
            var upper = i + 1
            if i + 1 < limit && !chars[i + 1].properties.isWhitespace { upper += 1 }
            return i..<upper
        case .subscripted(let valueEnd, let sliceEnd):
            let lower = valueEnd - 1
            let upper = min(sliceEnd, chars.count)
            return lower < upper ? lower..<upper : nil
        }
    }
}
