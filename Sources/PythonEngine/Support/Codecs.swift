// API (str.encode / bytes.decode for the codecs student code uses):
//   func pythonEncode(_ s: String, encoding: String = "utf-8", errors: String = "strict") throws(SupportError) -> [UInt8]
//   func pythonDecode(_ bytes: [UInt8], encoding: String = "utf-8", errors: String = "strict") throws(SupportError) -> String
//   Encodings: utf-8, ascii, latin-1 (and their aliases); others raise LookupError "unknown encoding: X".
//   Error handlers: strict, ignore, replace, backslashreplace, xmlcharrefreplace (encode only),
//   surrogateescape is refused (Swift strings cannot hold lone surrogates).

/// The codecs this engine knows, under CPython's canonical names (used in error messages).
private enum Codec: String {
    case utf8 = "utf-8"
    case ascii = "ascii"
    case latin1 = "latin-1"

    /// CPython's lookup: case-insensitive, with `-` and ` ` treated as `_`, through the aliases.
    init(name: String) throws(SupportError) {
        let key = String(name.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
        switch key {
        case "utf_8", "utf8", "u8", "utf", "cp65001", "utf8_ucs2", "utf8_ucs4": self = .utf8
        case "ascii", "us_ascii", "646", "us", "ansi_x3.4_1968", "ansi_x3_4_1968", "cp367", "csascii", "ibm367",
             "iso646_us", "iso_646.irv_1991", "iso_ir_6": self = .ascii
        case "latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859", "cp819", "iso_ir_100",
             "iso_8859_1_1987", "csisolatin1", "ibm819": self = .latin1
        default:
            if otherPythonCodecs.contains(key) {
                throw SupportError(.notImplementedError, "encoding '\(name)' is not supported by this engine (only utf-8, ascii and latin-1)")
            }
            throw SupportError(.lookupError, "unknown encoding: \(name)")
        }
    }

    /// Largest code point the codec can encode plus one.
    var limit: UInt32 { self == .ascii ? 128 : (self == .latin1 ? 256 : 0x110000) }
}

/// Codecs CPython has but this engine does not implement: refused clearly instead of with a
/// LookupError CPython would not raise.
private let otherPythonCodecs: Set<String> = [
    "utf_16", "utf16", "utf_16_le", "utf_16le", "utf_16_be", "utf_16be", "utf_32", "utf32", "utf_32_le", "utf_32le",
    "utf_32_be", "utf_32be", "utf_7", "utf7", "utf_8_sig", "utf8_sig", "cp1252", "windows_1252", "cp1251", "windows_1251",
    "cp1250", "cp437", "cp850", "cp866", "koi8_r", "koi8_u", "mac_roman", "macroman", "big5", "gbk", "gb2312", "gb18030",
    "shift_jis", "sjis", "euc_jp", "euc_kr", "iso2022_jp", "idna", "punycode", "raw_unicode_escape", "unicode_escape",
    "iso8859_2", "iso_8859_2", "latin2", "iso8859_15", "iso_8859_15", "latin9", "hex", "base64", "rot13", "rot_13",
]

private enum ErrorHandler {
    case strict, ignore, replace, backslashReplace, xmlCharRefReplace

    /// Resolved only when an error actually occurs, as CPython does.
    init(name: String) throws(SupportError) {
        switch name {
        case "strict": self = .strict
        case "ignore": self = .ignore
        case "replace": self = .replace
        case "backslashreplace": self = .backslashReplace
        case "xmlcharrefreplace": self = .xmlCharRefReplace
        case "surrogateescape", "surrogatepass", "namereplace":
            throw SupportError(.notImplementedError, "error handler '\(name)' is not supported by this engine")
        default: throw SupportError(.lookupError, "unknown error handler name '\(name)'")
        }
    }
}

/// `s.encode(encoding, errors)`.
func pythonEncode(_ s: String, encoding: String = "utf-8", errors: String = "strict") throws(SupportError) -> [UInt8] {
    let codec = try Codec(name: encoding)
    if codec == .utf8 { return Array(s.utf8) }
    let chars = Array(s.unicodeScalars)
    var out: [UInt8] = []
    out.reserveCapacity(chars.count)
    var i = 0
    while i < chars.count {
        let v = chars[i].value
        if v < codec.limit {
            out.append(UInt8(v))
            i += 1
            continue
        }
        // CPython reports the whole run of unencodable characters at once.
        var end = i + 1
        while end < chars.count && chars[end].value >= codec.limit { end += 1 }
        switch try ErrorHandler(name: errors) {
        case .strict:
            let reason = "ordinal not in range(\(codec.limit))"
            if end - i == 1 {
                throw SupportError(.unicodeEncodeError,
                                   "'\(codec.rawValue)' codec can't encode character '\(escapedCodePoint(v))' in position \(i): \(reason)")
            }
            throw SupportError(.unicodeEncodeError,
                               "'\(codec.rawValue)' codec can't encode characters in position \(i)-\(end - 1): \(reason)")
        case .ignore:
            break
        case .replace:
            out.append(contentsOf: repeatElement(UInt8(ascii: "?"), count: end - i))
        case .backslashReplace:
            for c in chars[i..<end] { out.append(contentsOf: escapedCodePoint(c.value).utf8) }
        case .xmlCharRefReplace:
            for c in chars[i..<end] { out.append(contentsOf: "&#\(c.value);".utf8) }
        }
        i = end
    }
    return out
}

/// `b.decode(encoding, errors)`. UTF-8 errors follow CPython's decoder: "invalid start byte",
/// "invalid continuation byte" and "unexpected end of data", each covering the maximal
/// ill-formed subsequence (one U+FFFD per subsequence with errors='replace').
func pythonDecode(_ bytes: [UInt8], encoding: String = "utf-8", errors: String = "strict") throws(SupportError) -> String {
    let codec = try Codec(name: encoding)
    var out = String.UnicodeScalarView()
    var i = 0
    func fail(_ start: Int, _ end: Int, _ reason: String) throws(SupportError) {
        switch try ErrorHandler(name: errors) {
        case .strict:
            let what = end - start == 1
                ? "byte 0x\(hex2(bytes[start])) in position \(start)"
                : "bytes in position \(start)-\(end - 1)"
            throw SupportError(.unicodeDecodeError, "'\(codec.rawValue)' codec can't decode \(what): \(reason)")
        case .ignore:
            break
        case .replace:
            out.append("\u{FFFD}")
        case .backslashReplace:
            for b in bytes[start..<end] { out.append(contentsOf: "\\x\(hex2(b))".unicodeScalars) }
        case .xmlCharRefReplace:
            throw SupportError(.typeError, "don't know how to handle UnicodeDecodeError in error callback")
        }
    }
    while i < bytes.count {
        let b0 = bytes[i]
        if b0 < 0x80 || codec == .latin1 {
            out.append(Unicode.Scalar(b0))
            i += 1
            continue
        }
        if codec == .ascii {
            try fail(i, i + 1, "ordinal not in range(128)")
            i += 1
            continue
        }
        // UTF-8: the allowed range of the second byte depends on the first (no overlongs,
        // no surrogates, nothing above U+10FFFF); later bytes are plain continuations.
        let need: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch b0 {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; secondRange = 0x80...0x9F
        case 0xF0: need = 3; secondRange = 0x90...0xBF
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; secondRange = 0x80...0x8F
        default:
            try fail(i, i + 1, "invalid start byte")
            i += 1
            continue
        }
        var value = UInt32(b0) & (need == 1 ? 0x1F : (need == 2 ? 0x0F : 0x07))
        var k = 1
        var problem: String?
        while k <= need {
            guard i + k < bytes.count else { problem = "unexpected end of data"; break }
            let b = bytes[i + k]
            let allowed = k == 1 ? secondRange : 0x80...0xBF
            guard allowed.contains(b) else { problem = "invalid continuation byte"; break }
            value = (value << 6) | UInt32(b & 0x3F)
            k += 1
        }
        if let problem {
            try fail(i, i + k, problem)
            i += k
            continue
        }
        if let scalar = Unicode.Scalar(value) { out.append(scalar) }
        i += need + 1
    }
    return String(out)
}

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh` (how CPython shows a code point in codec messages).
private func escapedCodePoint(_ v: UInt32) -> String {
    let hex = String(v, radix: 16)
    if v < 0x100 { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
    if v < 0x10000 { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
    return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
}

private func hex2(_ b: UInt8) -> String {
    let hex = String(b, radix: 16)
    return hex.count == 1 ? "0" + hex : hex
}
