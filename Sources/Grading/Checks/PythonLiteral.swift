/// A Python value as it appears printed: what `output_contains` compares structurally, so that
/// `[0, 1, 4]`, `[0,1,4]` and a list wrapped over lines by `pprint` are the same value.
///
/// Equality follows Python's `==` for the printed types, with one deliberate difference: `True`
/// does not equal `1` (a check expecting `1` must not be passed by code printing `True`).
/// Integers of any size compare by their digits; an integer equals a float of the same value
/// (`4 == 4.0`, as in Python); sets and dicts compare without regard to order.
public indirect enum PythonLiteral: Sendable, Hashable, CustomStringConvertible {
    /// An integer, as its canonical decimal digits with a leading `-` when negative.
    case int(String)
    case float(Double)
    case string(String)
    case bool(Bool)
    case none
    case list([PythonLiteral])
    case tuple([PythonLiteral])
    case set([PythonLiteral])
    case dict([PythonLiteralPair])

    public static func == (lhs: PythonLiteral, rhs: PythonLiteral) -> Bool {
        switch (lhs, rhs) {
        case let (.int(a), .int(b)): return a == b
        case let (.float(a), .float(b)): return a == b || (a.isNaN && b.isNaN)
        case let (.int(a), .float(b)), let (.float(b), .int(a)): return Double(a) == b
        case let (.string(a), .string(b)): return a == b
        case let (.bool(a), .bool(b)): return a == b
        case (.none, .none): return true
        case let (.list(a), .list(b)), let (.tuple(a), .tuple(b)): return a == b
        case let (.set(a), .set(b)): return unorderedEqual(a, b)
        case let (.dict(a), .dict(b)):
            return a.count == b.count && a.allSatisfy { pair in b.contains { $0.key == pair.key && $0.value == pair.value } }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        // Coarse on purpose: values that are == (4 and 4.0, sets in any order) must hash alike.
        switch self {
        case .int, .float: hasher.combine(0)
        case let .string(s): hasher.combine(s)
        case let .bool(b): hasher.combine(b)
        case .none: hasher.combine(1)
        case let .list(items), let .tuple(items): hasher.combine(items.count)
        case let .set(items): hasher.combine(items.count)
        case let .dict(pairs): hasher.combine(pairs.count)
        }
    }

    private static func unorderedEqual(_ a: [PythonLiteral], _ b: [PythonLiteral]) -> Bool {
        guard a.count == b.count else { return false }
        var remaining = b
        for item in a {
            guard let index = remaining.firstIndex(of: item) else { return false }
            remaining.remove(at: index)
        }
        return true
    }

    /// The value and, for containers, every value inside it, depth first: a check expecting `4`
    /// is satisfied by `[1, 4, 9]` being printed.
    public var selfAndDescendants: [PythonLiteral] {
        switch self {
        case let .list(items), let .tuple(items), let .set(items):
            return [self] + items.flatMap(\.selfAndDescendants)
        case let .dict(pairs):
            return [self] + pairs.flatMap { $0.key.selfAndDescendants + $0.value.selfAndDescendants }
        default:
            return [self]
        }
    }

    /// True for containers (lists, tuples, sets, dicts).
    public var isContainer: Bool {
        switch self {
        case .list, .tuple, .set, .dict: return true
        default: return false
        }
    }

    /// Roughly how CPython would print it (for feedback: "expected [0, 1, 4]").
    public var description: String {
        switch self {
        case let .int(digits): return digits
        case let .float(value):
            if value.isNaN { return "nan" }
            if value.isInfinite { return value < 0 ? "-inf" : "inf" }
            return value == value.rounded() && abs(value) < 1e16 ? "\(Int64(value)).0" : "\(value)"
        case let .string(text): return "'\(text)'"
        case let .bool(value): return value ? "True" : "False"
        case .none: return "None"
        case let .list(items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case let .tuple(items):
            return items.count == 1 ? "(\(items[0]),)" : "(" + items.map(\.description).joined(separator: ", ") + ")"
        case let .set(items): return items.isEmpty ? "set()" : "{" + items.map(\.description).joined(separator: ", ") + "}"
        case let .dict(pairs): return "{" + pairs.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}

/// One `key: value` entry of a printed dict.
public struct PythonLiteralPair: Sendable, Hashable {
    public var key: PythonLiteral
    public var value: PythonLiteral

    public init(key: PythonLiteral, value: PythonLiteral) {
        self.key = key
        self.value = value
    }
}
