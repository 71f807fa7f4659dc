/// A `checks:` entry as the rubric file holds it: YAML scalars, sequences and mappings, each with
/// where it was written, so a mistake is reported as `file:line:column: message`.
///
/// The rubric layer keeps `checks:` opaque (it does not know what checks mean); this is the
/// Grading layer's own view of that content, built from the rubric's opaque values (see
/// `CheckNode+Rubric.swift`) or in code by tests.
public indirect enum CheckNode: Sendable, Equatable {
    case scalar(String, CheckLocation)
    case sequence([CheckNode], CheckLocation)
    /// Key/value pairs in file order.
    case mapping([(key: String, value: CheckNode)], CheckLocation)

    public var location: CheckLocation {
        switch self {
        case let .scalar(_, location), let .sequence(_, location), let .mapping(_, location): return location
        }
    }

    public var scalar: String? {
        if case let .scalar(text, _) = self { return text }
        return nil
    }

    public subscript(key: String) -> CheckNode? {
        guard case let .mapping(pairs, _) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    public static func == (lhs: CheckNode, rhs: CheckNode) -> Bool {
        switch (lhs, rhs) {
        case let (.scalar(a, la), .scalar(b, lb)): return a == b && la == lb
        case let (.sequence(a, la), .sequence(b, lb)): return a == b && la == lb
        case let (.mapping(a, la), .mapping(b, lb)):
            return la == lb && a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }
}

/// Where a check was written in the rubric file.
public struct CheckLocation: Sendable, Equatable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// A problem in a question's `checks:`, with its place in the rubric file.
public struct CheckDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public var location: CheckLocation
    public var message: String

    public init(_ message: String, at location: CheckLocation) {
        self.message = message
        self.location = location
    }

    /// `file:line:column: message`, as compilers print it.
    public var description: String { "\(location): \(message)" }
}

/// Every problem found in the checks of a rubric (not just the first).
public struct CheckSchemaError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [CheckDiagnostic]

    public init(_ diagnostics: [CheckDiagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
