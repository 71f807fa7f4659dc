/// A YAML value kept exactly as written, with its location: the rubric reserves `checks:` for
/// the code-checking layer, which interprets it; the rubric layer only carries it along.
public indirect enum OpaqueYAML: Sendable, Codable, Hashable {
    case scalar(String, SourceLocation)
    case sequence([OpaqueYAML], SourceLocation)
    /// Key/value pairs in file order (keys are scalars in every rubric we accept).
    case mapping([OpaqueYAMLPair], SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .scalar(_, let location), .sequence(_, let location), .mapping(_, let location):
            return location
        }
    }

    /// The value under `key` when this is a mapping.
    public subscript(key: String) -> OpaqueYAML? {
        guard case .mapping(let pairs, _) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    public var scalar: String? {
        if case .scalar(let text, _) = self { return text }
        return nil
    }
}

public struct OpaqueYAMLPair: Sendable, Codable, Hashable {
    public var key: String
    public var value: OpaqueYAML

    public init(key: String, value: OpaqueYAML) {
        self.key = key
        self.value = value
    }
}
