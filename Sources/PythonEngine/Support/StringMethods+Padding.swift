// API:
//   PyStr.strip(_ s: String, _ chars: String? = nil) -> String     (also lstrip, rstrip)
//   PyStr.center(_ s: String, _ width: Int, fill: String = " ") throws(SupportError) -> String
//   PyStr.ljust(_ s: String, _ width: Int, fill: String = " ") throws(SupportError) -> String
//   PyStr.rjust(_ s: String, _ width: Int, fill: String = " ") throws(SupportError) -> String
//   PyStr.zfill(_ s: String, _ width: Int) throws(SupportError) -> String
//   PyStr.expandtabs(_ s: String, tabsize: Int = 8) throws(SupportError) -> String
// (the throwing ones refuse results over SupportLimits.maxResultLength with MemoryError)

extension PyStr {
    /// `s.strip(chars)`: nil strips Python whitespace; otherwise any code point of `chars`.
    static func strip(_ s: String, _ chars: String? = nil) -> String {
        stripped(s, chars, left: true, right: true)
    }

    /// `s.lstrip(chars)`.
    static func lstrip(_ s: String, _ chars: String? = nil) -> String {
        stripped(s, chars, left: true, right: false)
    }

    /// `s.rstrip(chars)`.
    static func rstrip(_ s: String, _ chars: String? = nil) -> String {
        stripped(s, chars, left: false, right: true)
    }

    private static func stripped(_ s: String, _ chars: String?, left: Bool, right: Bool) -> String {
        let text = scalars(s)
        let set = chars.map { Set($0.unicodeScalars) }
        func strippable(_ c: Unicode.Scalar) -> Bool { set.map { $0.contains(c) } ?? isPythonWhitespace(c) }
        var a = 0, b = text.count
        if left { while a < b && strippable(text[a]) { a += 1 } }
        if right { while b > a && strippable(text[b - 1]) { b -= 1 } }
        return string(text[a..<b])
    }

    /// `s.center(width, fill)`, splitting odd padding as CPython does (extra space on the
    /// right unless both the padding and the width are odd).
    static func center(_ s: String, _ width: Int, fill: String = " ") throws(SupportError) -> String {
        let f = try fillCharacter(fill)
        let n = length(s)
        guard width > n else { return s }
        try checkResultLength(width)
        let margin = width - n
        let left = margin / 2 + (margin & width & 1)
        return String(repeating: f, count: left) + s + String(repeating: f, count: margin - left)
    }

    /// `s.ljust(width, fill)`.
    static func ljust(_ s: String, _ width: Int, fill: String = " ") throws(SupportError) -> String {
        let f = try fillCharacter(fill)
        let n = length(s)
        try checkResultLength(width)
        return width > n ? s + String(repeating: f, count: width - n) : s
    }

    /// `s.rjust(width, fill)`.
    static func rjust(_ s: String, _ width: Int, fill: String = " ") throws(SupportError) -> String {
        let f = try fillCharacter(fill)
        let n = length(s)
        try checkResultLength(width)
        return width > n ? String(repeating: f, count: width - n) + s : s
    }

    private static func fillCharacter(_ fill: String) throws(SupportError) -> String {
        guard fill.unicodeScalars.count == 1 else {
            throw .typeError("The fill character must be exactly one character long")
        }
        return fill
    }

    /// `s.zfill(width)`: zeros after a leading sign (`'-42'.zfill(6) == '-00042'`).
    static func zfill(_ s: String, _ width: Int) throws(SupportError) -> String {
        var text = scalars(s)
        guard width > text.count else { return s }
        try checkResultLength(width)
        let fillCount = width - text.count
        let insertAt = (text.first == "+" || text.first == "-") ? 1 : 0
        text.insert(contentsOf: Array(repeating: "0", count: fillCount), at: insertAt)
        return string(text)
    }

    /// `s.expandtabs(tabsize)`: columns restart after `\n` and `\r`.
    static func expandtabs(_ s: String, tabsize: Int = 8) throws(SupportError) -> String {
        var out = String.UnicodeScalarView()
        var column = 0
        var produced = 0
        for c in s.unicodeScalars {
            if c == "\t" {
                if tabsize > 0 {
                    let spaces = tabsize - column % tabsize
                    produced += spaces
                    try checkResultLength(produced)
                    out.append(contentsOf: repeatElement(" ", count: spaces))
                    column += spaces
                }
            } else {
                out.append(c)
                column += 1
                produced += 1
                if c == "\n" || c == "\r" { column = 0 }
            }
        }
        return String(out)
    }
}
