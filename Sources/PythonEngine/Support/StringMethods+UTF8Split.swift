/// `str.split` over UTF-8 bytes, the fast path of `PyStr.split`.
///
/// The general `split` turns the string into an array of scalars and rebuilds each piece scalar
/// by scalar (≈ 30% of the strings benchmark). Splitting the UTF-8 bytes gives the same pieces:
/// a valid UTF-8 separator can only match at scalar boundaries (UTF-8 is self-synchronising), so
/// byte positions and code-point positions cut the string in the same places; and for a string
/// that is all ASCII, "whitespace" is decided byte by byte with the same predicate.
extension PyStr {
    /// The pieces of `s.split(sep, maxsplit)`; nil when this path does not apply (whitespace
    /// splitting of a non-ASCII string), and the caller takes the general path.
    static func splitUTF8(_ s: String, sep: String?, limit: Int) -> [String]? {
        var s = s
        s.makeContiguousUTF8()
        if let sep {
            var sep = sep
            sep.makeContiguousUTF8()
            let pieces: [String]?? = s.utf8.withContiguousStorageIfAvailable { hay -> [String]? in
                let inner: [String]?? = sep.utf8.withContiguousStorageIfAvailable { needle in
                    splitBytes(hay, on: needle, limit: limit)
                }
                return inner ?? nil
            }
            return pieces ?? nil
        }
        let pieces: [String]?? = s.utf8.withContiguousStorageIfAvailable { hay in
            splitASCIIWhitespace(hay, limit: limit)
        }
        return pieces ?? nil
    }

    private static func piece(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Splitting on a non-empty separator (the caller rejects an empty one first).
    private static func splitBytes(_ hay: UnsafeBufferPointer<UInt8>, on needle: UnsafeBufferPointer<UInt8>, limit: Int) -> [String]? {
        let n = hay.count, m = needle.count
        guard m > 0 else { return nil }
        let first = needle[0]
        var result: [String] = []
        var pieceStart = 0
        var i = 0
        var splits = 0
        search: while splits < limit && i + m <= n {
            if hay[i] != first { i += 1; continue }
            for k in 1..<m where hay[i + k] != needle[k] {
                i += 1
                continue search
            }
            result.append(piece(hay, pieceStart..<i))
            i += m
            pieceStart = i
            splits += 1
        }
        result.append(piece(hay, pieceStart..<n))
        return result
    }

    /// Splitting on runs of whitespace, for an all-ASCII string; nil otherwise.
    private static func splitASCIIWhitespace(_ hay: UnsafeBufferPointer<UInt8>, limit: Int) -> [String]? {
        for b in hay where b >= 0x80 { return nil }
        func isSpace(_ b: UInt8) -> Bool { isPythonWhitespace(Unicode.Scalar(b)) }
        let n = hay.count
        var result: [String] = []
        var i = 0
        var splits = 0
        while i < n {
            while i < n && isSpace(hay[i]) { i += 1 }
            if i == n { break }
            if splits == limit {
                // The rest, leading whitespace stripped, trailing kept.
                result.append(piece(hay, i..<n))
                return result
            }
            let start = i
            while i < n && !isSpace(hay[i]) { i += 1 }
            result.append(piece(hay, start..<i))
            splits += 1
        }
        return result
    }
}
