import Foundation

/// The decoded text of a sheet and how it was obtained.
struct DecodedText: Sendable {
    var text: String
    /// IANA-ish name of the encoding used (`utf-8`, `utf-16le`, `windows-1252`, ...).
    var encoding: String
    var warnings: [String]
}

/// Turns the bytes of a sheet into text: picks the encoding, refuses binary data.
///
/// Students hand in whatever their editor saved: UTF-8 with or without a BOM, UTF-16 from
/// Windows tools, "ANSI" (Windows-1252) from Notepad. Anything else we see is a file that is
/// not text at all (a PDF, a .docx), which gets an error that says what it looks like.
struct SheetDecoder: Sendable {
    func decode(_ data: Data, file: String) throws(SheetReadError) -> DecodedText {
        let bytes = [UInt8](data)
        if let kind = BinarySignature.match(bytes) {
            throw SheetReadError(file: file, kind: .binary, reason: "this is \(kind), not a text answer sheet; export the notebook as .ipynb, .md or .txt")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try utf8(bytes.dropFirst(3), file: file, name: "utf-8", bom: true)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return try utf16(bytes.dropFirst(2), bigEndian: false, file: file, bom: true)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return try utf16(bytes.dropFirst(2), bigEndian: true, file: file, bom: true)
        }
        if let bigEndian = Self.looksLikeBOMLessUTF16(bytes) {
            return try utf16(bytes[...], bigEndian: bigEndian, file: file, bom: false)
        }
        if bytes.contains(0) {
            throw SheetReadError(file: file, kind: .binary, reason: "contains NUL bytes: binary data, not a text answer sheet")
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return try checked(DecodedText(text: text, encoding: "utf-8", warnings: []), file: file)
        }
        // Not UTF-8: the common case is an "ANSI" file from Windows. Random binary data also
        // "decodes" as Windows-1252, so insist that it reads like text.
        let highBytes = bytes.lazy.filter { $0 >= 0x80 }.count
        if bytes.count >= 16, Double(highBytes) / Double(bytes.count) > 0.3 {
            throw SheetReadError(file: file, kind: .undecodable, reason: "is neither UTF-8, UTF-16 nor Windows-1252 text (\(highBytes) of \(bytes.count) bytes are non-ASCII): binary or an unsupported encoding")
        }
        let text = Windows1252.decode(bytes)
        return try checked(
            DecodedText(text: text, encoding: "windows-1252", warnings: ["not valid UTF-8; decoded as Windows-1252"]),
            file: file)
    }

    private func utf8(_ bytes: ArraySlice<UInt8>, file: String, name: String, bom: Bool) throws(SheetReadError) -> DecodedText {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SheetReadError(file: file, kind: .undecodable, reason: "starts with a UTF-8 byte order mark but is not valid UTF-8")
        }
        return try checked(DecodedText(text: text, encoding: name, warnings: []), file: file)
    }

    private func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool, file: String, bom: Bool) throws(SheetReadError) -> DecodedText {
        let name = bigEndian ? "utf-16be" : "utf-16le"
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? (first << 8 | second) : (second << 8 | first))
            index += 2
        }
        var warnings: [String] = bom ? [] : ["no byte order mark; the NUL pattern says \(name)"]
        if bytes.count % 2 != 0 { warnings.append("odd number of bytes for \(name); the last byte was dropped") }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw SheetReadError(file: file, kind: .undecodable, reason: "looks like \(name) but is not valid \(name) (unpaired surrogates)")
        }
        return try checked(DecodedText(text: text, encoding: name, warnings: warnings), file: file)
    }

    /// UTF-16 without a BOM shows as a NUL in every other byte for ASCII-heavy text.
    /// Returns the byte order, or nil when the pattern is absent.
    private static func looksLikeBOMLessUTF16(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 8 else { return nil }
        let sample = bytes.prefix(4096)
        var evenZeros = 0, oddZeros = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let half = Double(sample.count) / 2
        if Double(oddZeros) > half * 0.6 && Double(evenZeros) < half * 0.05 { return false }
        if Double(evenZeros) > half * 0.6 && Double(oddZeros) < half * 0.05 { return true }
        return nil
    }

    /// Text that decodes but is mostly control characters is not an answer sheet.
    private func checked(_ decoded: DecodedText, file: String) throws(SheetReadError) -> DecodedText {
        var controls = 0, total = 0
        for scalar in decoded.text.unicodeScalars {
            total += 1
            let value = scalar.value
            let isControl = (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D && value != 0x0C && value != 0x1B)
                || value == 0x7F || (0x80...0x9F).contains(value) || value == 0xFFFD
            if isControl { controls += 1 }
        }
        if total > 0, controls > 0, Double(controls) / Double(total) > 0.02 || controls > 1000 {
            throw SheetReadError(file: file, kind: .binary, reason: "decodes as \(decoded.encoding) but \(controls) of \(total) characters are control characters: binary data, not a text answer sheet")
        }
        return decoded
    }
}

/// Magic numbers of the non-text files students hand in by mistake.
enum BinarySignature {
    private static let signatures: [([UInt8], String)] = [
        (Array("%PDF-".utf8), "a PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (a .docx, .xlsx or .zip file)"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old Microsoft Office document (.doc)"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        (Array("GIF8".utf8), "a GIF image"),
        ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
        ([0x1F, 0x8B], "a gzip archive"),
        (Array("{\\rtf".utf8), "an RTF document"),
    ]

    static func match(_ bytes: [UInt8]) -> String? {
        signatures.first { bytes.starts(with: $0.0) }?.1
    }
}
