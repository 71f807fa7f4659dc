import Foundation

/// `results.json`: the batch result in the stable JSON contract of `design.md`.
///
/// Keys are sorted and output is pretty-printed with a trailing newline, so the same batch
/// always produces the same bytes (diffable in git, cacheable in CI). Slashes are not escaped
/// (`"a/b.txt"`, not `"a\/b.txt"`).
public struct ResultsJSONWriter: Sendable {
    public init() {}

    /// The batch's JSON, byte for byte what encoding it whole gives (see `write(_:to:)`).
    public func render(_ batch: BatchResult) throws -> Data {
        if batch.submissions.count <= 1 { return try Self.encode(batch) }
        var out = Data()
        try pieces(of: batch) { out.append(contentsOf: $0) }
        return out
    }

    /// Writes the batch's JSON to a file as it is made, one submission at a time: encoding a
    /// whole batch at once builds the encoder's tree of every submission, then the whole text,
    /// then its copy (several times the JSON's size: tens of megabytes for a thousand sheets),
    /// which made this the orchestrator's peak memory.
    public func write(_ batch: BatchResult, to url: URL) throws {
        try AtomicFile.write(to: url) { sink in try pieces(of: batch) { try sink.write($0) } }
    }

    /// The batch's JSON in pieces: the batch without its submissions, then each submission
    /// encoded alone and indented as the encoder nests it.
    func pieces(of batch: BatchResult, _ emit: ([UInt8]) throws -> Void) throws {
        // One submission (a worker's answer, a stored result) costs less encoded whole.
        guard batch.submissions.count > 1 else { return try emit([UInt8](Self.encode(batch))) }
        // `submissions` sorts last among the batch's keys, so the batch without submissions
        // ends with its empty array, and the submissions go there.
        let header = try Self.encode(BatchResult(rubric: batch.rubric, submissions: [], graderVersion: batch.graderVersion, generatedAt: batch.generatedAt))
        let emptyTail = Data("[\n\n  ]\n}\n".utf8)
        guard header.count >= emptyTail.count, header.suffix(emptyTail.count) == emptyTail else {
            return try emit([UInt8](Self.encode(batch)))
        }
        try emit([UInt8](header.prefix(header.count - emptyTail.count)) + Array("[\n".utf8))
        var piece: [UInt8] = []
        for (index, submission) in batch.submissions.enumerated() {
            piece.removeAll(keepingCapacity: true)
            if index > 0 { piece.append(contentsOf: ",\n".utf8) }
            Self.appendIndented(try Self.encode(submission), by: 4, to: &piece)
            try emit(piece)
        }
        try emit(Array("\n  ]\n}\n".utf8))
    }

    /// Appends pretty-printed JSON (its final newline dropped) indented by `spaces`, as the
    /// encoder indents a nested value. Blank lines (inside empty arrays and objects) stay blank,
    /// as the encoder leaves them; strings hold no raw newlines, so every line is structure.
    static func appendIndented(_ json: Data, by spaces: Int, to out: inout [UInt8]) {
        let newline = UInt8(ascii: "\n")
        json.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var end = raw.count
            if end > 0, raw[end - 1] == newline { end -= 1 }
            out.reserveCapacity(out.count + end + end / 4)
            var atLineStart = true
            for index in 0..<end {
                let byte = raw[index]
                if atLineStart, byte != newline {
                    for _ in 0..<spaces { out.append(UInt8(ascii: " ")) }
                }
                out.append(byte)
                atLineStart = byte == newline
            }
        }
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
