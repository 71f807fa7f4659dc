// API (namespace PyStr; a Python str is a sequence of Unicode scalars, never grapheme clusters):
//   PyStr.length(_ s: String) -> Int                                            // len(s)
//   PyStr.split(_ s: String, sep: String? = nil, maxsplit: Int = -1) throws(SupportError) -> [String]
//   PyStr.rsplit(_ s: String, sep: String? = nil, maxsplit: Int = -1) throws(SupportError) -> [String]
//   PyStr.splitlines(_ s: String, keepends: Bool = false) -> [String]
//   PyStr.partition(_ s: String, _ sep: String) throws(SupportError) -> (String, String, String)
//   PyStr.rpartition(_ s: String, _ sep: String) throws(SupportError) -> (String, String, String)
//   (search, case, padding and predicates: see StringMethods+*.swift)

/// CPython's `str` methods over Swift strings. Python indexes a str by code point, so every
/// method works on `unicodeScalars`: `len("e\u{301}")` is 2 in Python, 1 as a Swift Character.
/// Methods that take `start`/`end` accept nil for None, and any Int (negative counts from the
/// end, out-of-range is clamped) as CPython's slice-style arguments do.
enum PyStr {
    typealias Scalars = [Unicode.Scalar]

    static func scalars(_ s: String) -> Scalars { Array(s.unicodeScalars) }

    static func string<C: Sequence>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// `len(s)`: the number of code points.
    /// Counted on the UTF-8 bytes where they are contiguous (native strings): a Swift string is
    /// always valid UTF-8, so its code points are its bytes that are not continuation bytes.
    static func length(_ s: String) -> Int {
        let fromBytes = s.utf8.withContiguousStorageIfAvailable { bytes in
            var n = 0
            for b in bytes where b & 0xC0 != 0x80 { n += 1 }
            return n
        }
        return fromBytes ?? s.unicodeScalars.count
    }

    // MARK: split

    /// `s.split(sep, maxsplit)`. With no `sep`, splits on runs of whitespace and drops empty
    /// pieces; with a `sep`, splits exactly (`'a,,b'.split(',')` keeps the empty piece).
    static func split(_ s: String, sep: String? = nil, maxsplit: Int = -1) throws(SupportError) -> [String] {
        let limit = maxsplit < 0 ? Int.max : maxsplit
        if let sep, sep.isEmpty { throw .valueError("empty separator") }
        if let pieces = splitUTF8(s, sep: sep, limit: limit) { return pieces }
        let chars = scalars(s)
        guard let sep else {
            var result: [String] = []
            var i = 0
            let n = chars.count
            var splits = 0
            while i < n {
                while i < n && isPythonWhitespace(chars[i]) { i += 1 }
                if i == n { break }
                if splits == limit {
                    // The rest, leading whitespace stripped, trailing kept.
                    result.append(string(chars[i..<n]))
                    return result
                }
                let start = i
                while i < n && !isPythonWhitespace(chars[i]) { i += 1 }
                result.append(string(chars[start..<i]))
                splits += 1
            }
            return result
        }
        let needle = scalars(sep)
        if needle.isEmpty { throw .valueError("empty separator") }
        var result: [String] = []
        var pieceStart = 0
        var i = 0
        var splits = 0
        while splits < limit, let hit = indexOf(needle, in: chars, from: i, to: chars.count) {
            result.append(string(chars[pieceStart..<hit]))
            pieceStart = hit + needle.count
            i = pieceStart
            splits += 1
        }
        result.append(string(chars[pieceStart...]))
        return result
    }

    /// `s.rsplit(sep, maxsplit)`: like split, but the `maxsplit` splits are taken from the right.
    static func rsplit(_ s: String, sep: String? = nil, maxsplit: Int = -1) throws(SupportError) -> [String] {
        let chars = scalars(s)
        let limit = maxsplit < 0 ? Int.max : maxsplit
        guard let sep else {
            var result: [String] = []
            var i = chars.count
            var splits = 0
            while i > 0 {
                while i > 0 && isPythonWhitespace(chars[i - 1]) { i -= 1 }
                if i == 0 { break }
                if splits == limit {
                    result.append(string(chars[0..<i]))
                    break
                }
                let end = i
                while i > 0 && !isPythonWhitespace(chars[i - 1]) { i -= 1 }
                result.append(string(chars[i..<end]))
                splits += 1
            }
            return result.reversed()
        }
        let needle = scalars(sep)
        if needle.isEmpty { throw .valueError("empty separator") }
        var result: [String] = []
        var pieceEnd = chars.count
        var splits = 0
        while splits < limit, let hit = lastIndexOf(needle, in: chars, from: 0, to: pieceEnd) {
            result.append(string(chars[(hit + needle.count)..<pieceEnd]))
            pieceEnd = hit
            splits += 1
        }
        result.append(string(chars[0..<pieceEnd]))
        return result.reversed()
    }

    /// `s.splitlines(keepends)`: splits at `\n`, `\r`, `\r\n`, `\x0b`, `\x0c`, `\x1c`-`\x1e`,
    /// `\x85`, U+2028 and U+2029; a final line break does not start an empty line.
    static func splitlines(_ s: String, keepends: Bool = false) -> [String] {
        let chars = scalars(s)
        var result: [String] = []
        var i = 0
        let n = chars.count
        while i < n {
            let start = i
            while i < n && !isPythonLineBreak(chars[i]) { i += 1 }
            var eol = i
            if i < n {
                if chars[i] == "\r" && i + 1 < n && chars[i + 1] == "\n" { i += 2 } else { i += 1 }
                if keepends { eol = i }
            }
            result.append(string(chars[start..<eol]))
        }
        return result
    }

    /// `s.partition(sep)`: `(before, sep, after)` at the first `sep`, or `(s, "", "")`.
    static func partition(_ s: String, _ sep: String) throws(SupportError) -> (String, String, String) {
        let chars = scalars(s), needle = scalars(sep)
        if needle.isEmpty { throw .valueError("empty separator") }
        guard let hit = indexOf(needle, in: chars, from: 0, to: chars.count) else { return (s, "", "") }
        return (string(chars[..<hit]), sep, string(chars[(hit + needle.count)...]))
    }

    /// `s.rpartition(sep)`: at the last `sep`, or `("", "", s)`.
    static func rpartition(_ s: String, _ sep: String) throws(SupportError) -> (String, String, String) {
        let chars = scalars(s), needle = scalars(sep)
        if needle.isEmpty { throw .valueError("empty separator") }
        guard let hit = lastIndexOf(needle, in: chars, from: 0, to: chars.count) else { return ("", "", s) }
        return (string(chars[..<hit]), sep, string(chars[(hit + needle.count)...]))
    }

    // MARK: substring search on scalar arrays

    /// First index `i` in `from...to-needle.count` where `needle` occurs, or nil.
    static func indexOf(_ needle: Scalars, in hay: Scalars, from: Int, to: Int) -> Int? {
        let m = needle.count
        if m == 0 { return from <= to ? from : nil }
        guard to - from >= m else { return nil }
        let first = needle[0]
        var i = from
        while i <= to - m {
            if hay[i] == first {
                var k = 1
                while k < m && hay[i + k] == needle[k] { k += 1 }
                if k == m { return i }
            }
            i += 1
        }
        return nil
    }

    /// Last index where `needle` occurs entirely within `from..<to`, or nil.
    static func lastIndexOf(_ needle: Scalars, in hay: Scalars, from: Int, to: Int) -> Int? {
        let m = needle.count
        if m == 0 { return from <= to ? to : nil }
        guard to - from >= m else { return nil }
        var i = to - m
        while i >= from {
            var k = 0
            while k < m && hay[i + k] == needle[k] { k += 1 }
            if k == m { return i }
            i -= 1
        }
        return nil
    }
}
