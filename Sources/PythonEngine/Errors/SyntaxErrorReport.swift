/// A compile-time error found by the lexer or parser, reported the way CPython reports
/// `SyntaxError`, `IndentationError` and `TabError` (same class names, same messages).
public struct PythonSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `SyntaxError`, `IndentationError` or `TabError`.
    public var typeName: String
    public var message: String
    public var line: Int
    /// 1-based column (CPython's `offset`).
    public var column: Int
    /// 1-based column just past the offending text on `line` (CPython's `end_offset`), so the
    /// report underlines all of it (`^^^^^`); 0 for a single caret.
    public var endColumn: Int = 0

    public init(_ message: String, line: Int, column: Int = 1, typeName: String = "SyntaxError") {
        self.typeName = typeName
        self.message = message
        self.line = line
        self.column = column
    }

    /// An error underlining the whole of `e` (when it is on one line).
    init(_ message: String, spanning e: Expr) {
        self.init(message, line: e.line, column: e.column)
        if e.endLine == e.line { endColumn = e.endColumn }
    }

    /// An error underlining from `start` through `end` (when they share a line).
    init(_ message: String, from start: Token, through end: Token) {
        self.init(message, line: start.line, column: start.column)
        if end.endLine == start.line { endColumn = end.endColumn }
    }

    static func indentation(_ message: String, line: Int, column: Int = 1) -> PythonSyntaxError {
        PythonSyntaxError(message, line: line, column: column, typeName: "IndentationError")
    }

    public var description: String { "\(typeName): \(message) (line \(line))" }
}

/// Raised (as a `SyntaxError`-shaped report) for valid Python that the engine deliberately does not
/// run, so an unsupported construct is named with its line instead of being silently mis-run.
func unsupported(_ construct: String, line: Int, column: Int = 1) -> PythonSyntaxError {
    PythonSyntaxError("'\(construct)' is not supported by this Python engine", line: line, column: column, typeName: "SyntaxError")
}
