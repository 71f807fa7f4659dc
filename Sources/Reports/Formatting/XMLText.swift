/// Escaping for XML 1.0 text and attribute values.
///
/// XML 1.0 cannot carry most control characters at all, not even as character references, so
/// they are dropped (a JUnit consumer rejecting the whole file would be worse than losing a
/// stray `\u{1B}` from a student's output). In attributes, tab/newline/CR are written as
/// character references because parsers otherwise normalise them to spaces.
enum XMLText {
    static func text(_ value: String) -> String { escape(value, attribute: false) }
    static func attribute(_ value: String) -> String { escape(value, attribute: true) }

    /// Whether XML 1.0's `Char` production allows the scalar.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private static func escape(_ value: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            guard isAllowed(scalar) else { continue }
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"  // also keeps "]]>" from ever appearing
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"  // a raw CR would be normalised away, in text too
            case "\t" where attribute: out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
