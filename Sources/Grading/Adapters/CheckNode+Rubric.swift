import Rubrics

extension CheckNode {
    /// The Grading layer's view of a `checks:` entry the rubric kept as written.
    public init(_ yaml: OpaqueYAML) {
        switch yaml {
        case let .scalar(text, location):
            self = .scalar(text, CheckLocation(location))
        case let .sequence(items, location):
            self = .sequence(items.map(CheckNode.init), CheckLocation(location))
        case let .mapping(pairs, location):
            self = .mapping(pairs.map { (key: $0.key, value: CheckNode($0.value)) }, CheckLocation(location))
        }
    }
}

extension CheckLocation {
    public init(_ location: SourceLocation) {
        self.init(file: location.file, line: location.line, column: location.column)
    }
}
