/// Turning a script file's bytes into source text as CPython's tokenizer does (PEP 263): a UTF-8
/// byte-order mark is skipped, a `coding:` comment on line 1 or 2 picks the encoding, and
/// without one the file must be UTF-8, or the run stops with CPython's SyntaxError before any
/// code executes.
public enum SourceDecoding {
    /// The decoded text, or the message of the SyntaxError CPython would print (its only line).
    public static func decode(_ bytes: [UInt8], fileName: String) -> Result<String, SourceDecodingError> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let encoding = declaredEncoding(body) {
            do {
                return .success(try pythonDecode(Array(body), encoding: encoding))
            } catch {
                if error.kind == .lookupError { return .failure(SourceDecodingError(message: "unknown encoding: \(encoding)")) }
                return .failure(SourceDecodingError(message: "(unicode error) \(error.message)"))
            }
        }
        if let bad = firstInvalidUTF8(body) {
            let line = body[..<bad].filter { $0 == 0x0A }.count + 1
            let byte = String(body[bad], radix: 16)
            return .failure(SourceDecodingError(message: "Non-UTF-8 code starting with '\\x\(byte.count == 1 ? "0" + byte : byte)' in file \(fileName) on line \(line), but no encoding declared; see https://peps.python.org/pep-0263/ for details"))
        }
        return .success(String(decoding: body, as: UTF8.self))
    }

    /// The encoding named by a PEP 263 comment (`# -*- coding: latin-1 -*-`) on line 1, or on
    /// line 2 when line 1 is blank or a comment.
    static func declaredEncoding(_ bytes: ArraySlice<UInt8>) -> String? {
        let lines = bytes.split(separator: 0x0A, maxSplits: 2, omittingEmptySubsequences: false).prefix(2)
        for (k, raw) in lines.enumerated() {
            let line = String(decoding: raw, as: UTF8.self)
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
            if trimmed.hasPrefix("#"), let name = codingName(in: String(trimmed)) { return name }
            // A code line 1 ends the search: the declaration must come before any code.
            if k == 0 && !(trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed == "\r") { return nil }
        }
        return nil
    }

    /// The `[-\w.]+` after `coding:` or `coding=` in a comment line.
    private static func codingName(in comment: String) -> String? {
        guard let r = comment.range(of: "coding") else { return nil }
        var rest = comment[r.upperBound...]
        guard let sep = rest.first, sep == ":" || sep == "=" else {
            return codingName(in: String(comment[r.upperBound...]))
        }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
        return name.isEmpty ? nil : String(name)
    }

    /// Offset of the first byte that does not start a valid UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let sequence): offset += sequence.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }
}

/// Why a script's bytes are not source text (printed as `SyntaxError: <message>`).
public struct SourceDecodingError: Error, Sendable, Equatable {
    public let message: String
}
