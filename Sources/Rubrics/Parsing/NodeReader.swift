import Yams

/// Reads typed values out of a YAML node tree, recording a diagnostic (instead of stopping) for
/// every value of the wrong type and every unknown key, so one pass reports all problems.
struct NodeReader {
    let file: String
    private(set) var diagnostics: [RubricDiagnostic] = []

    init(file: String) { self.file = file }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file, line: 1, column: 1) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    mutating func report(_ message: String, at node: Node) {
        diagnostics.append(RubricDiagnostic(message, at: location(of: node)))
    }

    mutating func report(_ message: String, at location: SourceLocation) {
        diagnostics.append(RubricDiagnostic(message, at: location))
    }

    /// A short name for what a node is, for "expected X, found Y" messages.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "an empty value" : "\"\(scalar.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// The key/value pairs of a mapping, with unknown keys reported (and a suggestion when one of
    /// the valid keys is a likely typo) and missing required keys reported at the mapping.
    mutating func fields(of node: Node, context: String, allowed: [String], required: [String]) -> [String: (key: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            report("expected \(context) to be a mapping, found \(Self.describe(node))", at: node)
            return nil
        }
        var result: [String: (key: Node, value: Node)] = [:]
        var suggested: Set<String> = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                report("expected a plain key in \(context), found \(Self.describe(key))", at: key)
                continue
            }
            let name = scalar.string
            if allowed.contains(name) {
                result[name] = (key, value)
            } else if let suggestion = KeySuggestion.nearest(to: name, in: allowed) {
                suggested.insert(suggestion)
                report("unknown key '\(name)' in \(context); did you mean '\(suggestion)'?", at: key)
            } else {
                report("unknown key '\(name)' in \(context); expected one of: \(allowed.joined(separator: ", "))", at: key)
            }
        }
        // A misspelt required key is reported once, as the misspelling.
        for name in required where result[name] == nil && !suggested.contains(name) {
            report("\(context) is missing required key '\(name)'", at: node)
        }
        return result
    }

    /// The resolved YAML tag of a node (`str`, `int`, `float`, `bool`, `null`, ...).
    static func tag(_ node: Node) -> Tag.Name { Tag.Name(rawValue: node.tag.rawValue) }

    /// Text. Numbers written where text is expected (`id: 3`) are accepted as their text; a
    /// missing value (`feedback:` with nothing after it) or a list is an error.
    mutating func string(_ node: Node, _ what: String) -> String? {
        let tag = Self.tag(node)
        guard case .scalar(let scalar) = node, tag == .str || tag == .int || tag == .float else {
            report("expected text for \(what), found \(Self.describe(node))", at: node)
            return nil
        }
        return scalar.string
    }

    mutating func number(_ node: Node, _ what: String) -> Double? {
        guard case .scalar(let scalar) = node, Self.tag(node) == .int || Self.tag(node) == .float,
              let value = node.float ?? Double(scalar.string), value.isFinite else {
            report("expected a number for \(what), found \(Self.describe(node))", at: node)
            return nil
        }
        return value
    }

    mutating func integer(_ node: Node, _ what: String) -> Int? {
        guard case .scalar(let scalar) = node, Self.tag(node) == .int, let value = Int(scalar.string) else {
            report("expected a whole number for \(what), found \(Self.describe(node))", at: node)
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        guard case .scalar = node, Self.tag(node) == .bool, let value = node.bool else {
            report("expected true or false for \(what), found \(Self.describe(node))", at: node)
            return nil
        }
        return value
    }

    mutating func sequence(_ node: Node, _ what: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            report("expected a list for \(what), found \(Self.describe(node))", at: node)
            return nil
        }
        return Array(sequence)
    }

    /// A node as an opaque value (for the reserved `checks:` section).
    mutating func opaque(_ node: Node) -> OpaqueYAML {
        switch node {
        case .scalar(let scalar):
            return .scalar(scalar.string, location(of: node))
        case .sequence(let sequence):
            return .sequence(sequence.map { opaque($0) }, location(of: node))
        case .mapping(let mapping):
            var pairs: [OpaqueYAMLPair] = []
            for (key, value) in mapping {
                guard case .scalar(let scalar) = key else {
                    report("expected a plain key, found \(Self.describe(key))", at: key)
                    continue
                }
                pairs.append(OpaqueYAMLPair(key: scalar.string, value: opaque(value)))
            }
            return .mapping(pairs, location(of: node))
        case .alias:
            report("YAML aliases are not supported in rubrics; write the value out", at: node)
            return .scalar("", location(of: node))
        }
    }
}
