/// Where something sits in a rubric file. Lines and columns count from 1, columns in Unicode
/// scalars (what libyaml reports and what editors show for ASCII files).
public struct SourceLocation: Sendable, Codable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form compilers use, so editors can jump to it.
    public var description: String { "\(file):\(line):\(column)" }
}
