/// One lexical token. Strings keep their prefix and undecoded body so the parser can decode
/// escapes (or, for f-strings, split out the embedded expressions) with full knowledge of the form.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case name, number, string, op, newline, indent, dedent, endMarker
    }
    public var kind: Kind
    /// Source text for names, numbers and operators; the body between the quotes for strings.
    public var text: String
    public var line: Int
    /// 1-based column of the first character, as CPython reports offsets.
    public var column: Int
    /// Lower-cased string prefix letters (`r`, `b`, `f`, `rb`, ...); empty for other tokens.
    public var prefix: String = ""
    /// The line the token ends on (differs from `line` for triple-quoted strings).
    public var endLine: Int = 0
    /// 1-based column just past the token's last character, on `endLine` (0: unknown).
    public var endColumn: Int = 0

    public init(kind: Kind, text: String, line: Int, column: Int, prefix: String = "", endLine: Int = 0) {
        self.kind = kind
        self.text = text
        self.line = line
        self.column = column
        self.prefix = prefix
        self.endLine = endLine == 0 ? line : endLine
    }

    func isOp(_ s: String) -> Bool { kind == .op && text == s }
    func isKeyword(_ s: String) -> Bool { kind == .name && text == s }
}

/// Python's reserved words: a name token with one of these texts is a keyword.
let pythonKeywords: Set<String> = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
    "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]
