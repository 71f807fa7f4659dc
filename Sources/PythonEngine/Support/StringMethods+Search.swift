// API (start/end: nil = None; negative counts from the end; clamped like CPython's ADJUST_INDICES):
//   PyStr.find(_ s: String, _ sub: String, start: Int? = nil, end: Int? = nil) -> Int
//   PyStr.rfind(_ s: String, _ sub: String, start: Int? = nil, end: Int? = nil) -> Int
//   PyStr.index(_ s: String, _ sub: String, start: Int? = nil, end: Int? = nil) throws(SupportError) -> Int
//   PyStr.rindex(_ s: String, _ sub: String, start: Int? = nil, end: Int? = nil) throws(SupportError) -> Int
//   PyStr.count(_ s: String, _ sub: String, start: Int? = nil, end: Int? = nil) -> Int
//   PyStr.replace(_ s: String, _ old: String, _ new: String, count: Int = -1) throws(SupportError) -> String
//   PyStr.startswith(_ s: String, _ prefixes: [String], start: Int? = nil, end: Int? = nil) -> Bool
//   PyStr.endswith(_ s: String, _ suffixes: [String], start: Int? = nil, end: Int? = nil) -> Bool
//       (one prefix: pass [p]; a tuple of prefixes: pass them all)

extension PyStr {
    /// CPython's ADJUST_INDICES: the effective `[start, end)` window of a length-`n` string.
    /// `start` may still exceed `end` (or `n`); the callers treat that as "no room".
    static func adjustIndices(start: Int?, end: Int?, length n: Int) -> (start: Int, end: Int) {
        var s = start ?? 0
        var e = end ?? Int.max
        if e > n { e = n } else if e < 0 { e += n; if e < 0 { e = 0 } }
        if s < 0 { s += n; if s < 0 { s = 0 } }
        return (s, e)
    }

    /// `s.find(sub, start, end)`: lowest index, or -1.
    static func find(_ s: String, _ sub: String, start: Int? = nil, end: Int? = nil) -> Int {
        let hay = scalars(s), needle = scalars(sub)
        let (a, b) = adjustIndices(start: start, end: end, length: hay.count)
        if b - a < needle.count { return -1 }
        return indexOf(needle, in: hay, from: a, to: b) ?? -1
    }

    /// `s.rfind(sub, start, end)`: highest index, or -1.
    static func rfind(_ s: String, _ sub: String, start: Int? = nil, end: Int? = nil) -> Int {
        let hay = scalars(s), needle = scalars(sub)
        let (a, b) = adjustIndices(start: start, end: end, length: hay.count)
        if b - a < needle.count { return -1 }
        return lastIndexOf(needle, in: hay, from: a, to: b) ?? -1
    }

    /// `s.index(sub, start, end)`: like find, but ValueError "substring not found".
    static func index(_ s: String, _ sub: String, start: Int? = nil, end: Int? = nil) throws(SupportError) -> Int {
        let i = find(s, sub, start: start, end: end)
        if i < 0 { throw .valueError("substring not found") }
        return i
    }

    /// `s.rindex(sub, start, end)`.
    static func rindex(_ s: String, _ sub: String, start: Int? = nil, end: Int? = nil) throws(SupportError) -> Int {
        let i = rfind(s, sub, start: start, end: end)
        if i < 0 { throw .valueError("substring not found") }
        return i
    }

    /// `s.count(sub, start, end)`: non-overlapping occurrences (`''` counts every gap).
    static func count(_ s: String, _ sub: String, start: Int? = nil, end: Int? = nil) -> Int {
        let hay = scalars(s), needle = scalars(sub)
        let (a, b) = adjustIndices(start: start, end: end, length: hay.count)
        if b - a < needle.count { return 0 }
        if needle.isEmpty { return b - a + 1 }
        var total = 0
        var i = a
        while let hit = indexOf(needle, in: hay, from: i, to: b) {
            total += 1
            i = hit + needle.count
        }
        return total
    }

    /// `s.replace(old, new, count)`; a negative count replaces all. An empty `old` inserts
    /// `new` before every code point and at the end (`'abc'.replace('', '-') == '-a-b-c-'`).
    static func replace(_ s: String, _ old: String, _ new: String, count: Int = -1) throws(SupportError) -> String {
        let hay = scalars(s), needle = scalars(old), replacement = scalars(new)
        var remaining = count < 0 ? Int.max : count
        // Worst case: a replacement at every gap. Refuse before building a giant string.
        if replacement.count > needle.count {
            let gaps = needle.isEmpty ? hay.count + 1 : hay.count / needle.count
            let (extra, o1) = Swift.min(gaps, remaining).multipliedReportingOverflow(by: replacement.count - needle.count)
            if o1 { throw SupportError(.memoryError, "") }
            if hay.count + extra > SupportLimits.maxResultLength {
                // Only refuse when the real result is too long (count the actual matches).
                let matches = needle.isEmpty ? hay.count + 1 : self.count(s, old)
                let (real, o2) = Swift.min(matches, remaining).multipliedReportingOverflow(by: replacement.count - needle.count)
                if o2 { throw SupportError(.memoryError, "") }
                try checkResultLength(hay.count + real)
            }
        }
        var out: Scalars = []
        out.reserveCapacity(hay.count)
        if needle.isEmpty {
            var i = 0
            while true {
                if remaining > 0 { out.append(contentsOf: replacement); remaining -= 1 }
                if i == hay.count { break }
                out.append(hay[i])
                i += 1
            }
            return string(out)
        }
        var i = 0
        while remaining > 0, let hit = indexOf(needle, in: hay, from: i, to: hay.count) {
            out.append(contentsOf: hay[i..<hit])
            out.append(contentsOf: replacement)
            i = hit + needle.count
            remaining -= 1
        }
        out.append(contentsOf: hay[i...])
        return string(out)
    }

    /// `s.startswith(prefix or tuple, start, end)`.
    static func startswith(_ s: String, _ prefixes: [String], start: Int? = nil, end: Int? = nil) -> Bool {
        let hay = scalars(s)
        return prefixes.contains { tailMatch(hay, scalars($0), start: start, end: end, atEnd: false) }
    }

    /// `s.endswith(suffix or tuple, start, end)`.
    static func endswith(_ s: String, _ suffixes: [String], start: Int? = nil, end: Int? = nil) -> Bool {
        let hay = scalars(s)
        return suffixes.contains { tailMatch(hay, scalars($0), start: start, end: end, atEnd: true) }
    }

    /// CPython's `tailmatch`.
    private static func tailMatch(_ hay: Scalars, _ sub: Scalars, start: Int?, end: Int?, atEnd: Bool) -> Bool {
        var (a, b) = adjustIndices(start: start, end: end, length: hay.count)
        b -= sub.count
        if b < a { return false }
        if sub.isEmpty { return true }
        let offset = atEnd ? b : a
        return hay[offset..<(offset + sub.count)].elementsEqual(sub)
    }
}
