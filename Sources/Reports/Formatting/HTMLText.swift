/// Escaping for text placed in HTML element content or in a quoted attribute value.
///
/// Student text is hostile: everything it contains is escaped, including both quote kinds (so
/// the same function is safe inside attributes), and C0/C1 control characters, which HTML
/// forbids, become U+FFFD so a browser shows that something was there.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            case "\r": break  // CRLF from Windows sheets: the \n that follows is the line break
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
