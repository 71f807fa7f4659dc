// API:
//   func pythonStringRepr(_ s: String) -> String        // repr(str): quotes and escapes as CPython
//   func pythonAsciiRepr(_ s: String) -> String         // ascii(str): repr with non-ASCII escaped
//   func pythonBytesRepr(_ bytes: [UInt8]) -> String    // repr(bytes): b'...'
//   func isPythonPrintable(_ c: Unicode.Scalar) -> Bool // Py_UNICODE_ISPRINTABLE (PrintableTable.swift)
//   func isPythonWhitespace(_ c: Unicode.Scalar) -> Bool // Py_UNICODE_ISSPACE (str.isspace, split())
//   func isPythonLineBreak(_ c: Unicode.Scalar) -> Bool  // str.splitlines boundaries

/// `repr(s)` as CPython's `unicode_repr`: single quotes unless the text contains `'` and no `"`;
/// `\\`, the quote, `\t`, `\n`, `\r` escaped; other non-printable code points as `\xhh`,
/// `\uhhhh` or `\Uhhhhhhhh`. Printable non-ASCII text (é, 中, emoji) is kept as is.
func pythonStringRepr(_ s: String) -> String {
    quotedRepr(s.unicodeScalars, escapeNonASCII: false)
}

/// `ascii(s)`: like repr but every non-ASCII code point is escaped.
func pythonAsciiRepr(_ s: String) -> String {
    quotedRepr(s.unicodeScalars, escapeNonASCII: true)
}

private func quotedRepr(_ scalars: String.UnicodeScalarView, escapeNonASCII: Bool) -> String {
    var hasSingle = false, hasDouble = false
    for c in scalars {
        if c == "'" { hasSingle = true } else if c == "\"" { hasDouble = true }
    }
    let quote: Unicode.Scalar = (hasSingle && !hasDouble) ? "\"" : "'"
    var out = String.UnicodeScalarView()
    out.append(quote)
    for c in scalars {
        switch c {
        case quote, "\\":
            out.append("\\"); out.append(c)
        case "\t": out.append(contentsOf: "\\t".unicodeScalars)
        case "\n": out.append(contentsOf: "\\n".unicodeScalars)
        case "\r": out.append(contentsOf: "\\r".unicodeScalars)
        default:
            if c.value < 0x20 || c.value == 0x7F {
                out.append(contentsOf: hexEscape(c.value).unicodeScalars)
            } else if c.value < 0x7F {
                out.append(c)
            } else if escapeNonASCII || !isPythonPrintable(c) {
                out.append(contentsOf: hexEscape(c.value).unicodeScalars)
            } else {
                out.append(c)
            }
        }
    }
    out.append(quote)
    return String(out)
}

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh`, lowercase hex as CPython writes them.
private func hexEscape(_ v: UInt32) -> String {
    let hex = String(v, radix: 16)
    if v < 0x100 { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
    if v < 0x10000 { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
    return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
}

/// `repr(b)` for bytes: `b'...'`, same quote rule as str, `\xhh` outside printable ASCII.
func pythonBytesRepr(_ bytes: [UInt8]) -> String {
    let hasSingle = bytes.contains(39), hasDouble = bytes.contains(34)
    let quote: UInt8 = (hasSingle && !hasDouble) ? 34 : 39
    var out = "b" + String(UnicodeScalar(quote))
    for b in bytes {
        switch b {
        case quote, 92: out += "\\" + String(UnicodeScalar(b))
        case 9: out += "\\t"
        case 10: out += "\\n"
        case 13: out += "\\r"
        case 32..<127: out += String(UnicodeScalar(b))
        default: out += hexEscape(UInt32(b))
        }
    }
    return out + String(UnicodeScalar(quote))
}

/// Python's whitespace (`str.isspace`, `str.split()`, `strip()`): bidirectional class WS, B or S,
/// or category Zs. The list is fixed by the Unicode data CPython was built with.
func isPythonWhitespace(_ c: Unicode.Scalar) -> Bool {
    switch c.value {
    case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A,
         0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
        return true
    default:
        return false
    }
}

/// Line boundaries of `str.splitlines` (`\r\n` is handled by the caller as one boundary).
func isPythonLineBreak(_ c: Unicode.Scalar) -> Bool {
    switch c.value {
    case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029:
        return true
    default:
        return false
    }
}
