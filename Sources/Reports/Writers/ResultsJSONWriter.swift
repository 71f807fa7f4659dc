import Foundation

/// `results.json`: the batch result in the stable JSON contract of `design.md`.
///
/// Keys are sorted and output is pretty-printed with a trailing newline, so the same batch
/// always produces the same bytes (diffable in git, cacheable in CI). Slashes are not escaped
/// (`"a/b.txt"`, not `"a\/b.txt"`).
public struct ResultsJSONWriter: Sendable {
    public init() {}

    public func render(_ batch: BatchResult) throws -> Data {
        try Self.encode(batch)
    }

    /// Decodes a `results.json` (or a per-submission result file), with an error that names
    /// the file and the place in it when the JSON is not what the contract says.
    public func decode(_ data: Data, source: String = "results.json") throws -> BatchResult {
        do {
            return try JSONDecoder().decode(BatchResult.self, from: data)
        } catch let error as DecodingError {
            throw ReportError.invalidResults(source: source, reason: Self.describe(error))
        } catch {
            throw ReportError.invalidResults(source: source, reason: "\(error)")
        }
    }

    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return keys.isEmpty ? "at the top level" : "at \(keys)"
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing key \"\(key.stringValue)\" \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(context.debugDescription) \(path(context))"
        case .dataCorrupted(let context):
            return "\(context.debugDescription) \(path(context))"
        @unknown default:
            return "\(error)"
        }
    }
}
