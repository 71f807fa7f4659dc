/// One problem found in a rubric, with the place it was found.
public struct RubricDiagnostic: Sendable, Codable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ message: String, at location: SourceLocation) {
        self.location = location
        self.message = message
    }

    /// `file:line:column: message`.
    public var description: String { "\(location): \(message)" }
}

/// A rubric that cannot be used, with every problem found in it (not just the first), sorted by
/// position so the author can fix them top to bottom.
public struct RubricError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [RubricDiagnostic]

    public init(_ diagnostics: [RubricDiagnostic]) {
        self.diagnostics = diagnostics.sorted {
            ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
        }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
