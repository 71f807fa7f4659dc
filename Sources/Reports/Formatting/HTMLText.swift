/// Escaping for text placed in HTML element content or in a quoted attribute value.
///
/// Student text is hostile: everything it contains is escaped, including both quote kinds (so
/// the same function is safe inside attributes), and C0/C1 control characters, which HTML
/// forbids, become U+FFFD so a browser shows that something was there.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": if !afterCR { out += "\n" }  // CRLF: the CR already made the break
            case "\r": out += "\n"  // CRLF and old Mac CR line ends become one \n
            case "\t": out += "\t"
            default:
                if isControl(scalar) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// C0 and C1 controls, DEL, and the noncharacters U+FFFE/U+FFFF.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF
    }
}
