/// A minimal JSON writer. The probe must stay single-threaded to be allowed to fork, so it avoids
/// Foundation and prints its findings with this instead.
enum JSONValue {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    var serialized: String {
        switch self {
        case .null: return "null"
        case let .bool(value): return value ? "true" : "false"
        case let .int(value): return String(value)
        case let .double(value): return value.isFinite ? "\(value)" : "null"
        case let .string(value): return Self.quote(value)
        case let .array(values): return "[" + values.map(\.serialized).joined(separator: ",") + "]"
        case let .object(pairs):
            return "{" + pairs.map { Self.quote($0.0) + ":" + $0.1.serialized }.joined(separator: ",") + "}"
        }
    }

    private static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

/// Builds the probe's report object field by field.
struct Report {
    private(set) var fields: [(String, JSONValue)] = []

    mutating func set(_ key: String, _ value: JSONValue) { fields.append((key, value)) }
    mutating func set(_ key: String, _ value: Int) { set(key, .int(value)) }
    mutating func set(_ key: String, _ value: Int32) { set(key, .int(Int(value))) }
    mutating func set(_ key: String, _ value: Double) { set(key, .double(value)) }
    mutating func set(_ key: String, _ value: Bool) { set(key, .bool(value)) }
    mutating func set(_ key: String, _ value: String) { set(key, .string(value)) }
    mutating func set(_ key: String, _ values: [Int]) { set(key, .array(values.map { .int($0) })) }

    var json: String { JSONValue.object(fields).serialized }
}
