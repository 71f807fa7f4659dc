// API:
//   PyStr.upper(_ s: String) -> String       PyStr.lower(_ s: String) -> String
//   PyStr.title(_ s: String) -> String       PyStr.capitalize(_ s: String) -> String
//   PyStr.swapcase(_ s: String) -> String    PyStr.casefold(_ s: String) -> String
// Full case mappings per code point ('ß'.upper() == 'SS'), final sigma in lower().

extension PyStr {
    /// `s.upper()`.
    static func upper(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars { out.append(contentsOf: c.properties.uppercaseMapping.unicodeScalars) }
        return String(out)
    }

    /// `s.lower()`, with Greek capital sigma becoming final sigma at the end of a word.
    static func lower(_ s: String) -> String {
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
                out.append(contentsOf: c.properties.titlecaseMapping.unicodeScalars)
            }
            previousIsCased = c.properties.isCased
        }
        return String(out)
    }

    /// `s.capitalize()`: first code point titlecased, the rest lowered.
    static func capitalize(_ s: String) -> String {
        let chars = scalars(s)
        var out = String.UnicodeScalarView()
        for i in chars.indices {
            if i == 0 {
                out.append(contentsOf: chars[i].properties.titlecaseMapping.unicodeScalars)
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
            let p = chars[i].properties
            if p.isUppercase {
                appendLower(chars, i, to: &out)
            } else if p.isLowercase {
                out.append(contentsOf: p.uppercaseMapping.unicodeScalars)
            } else {
                out.append(chars[i])
            }
        }
        return String(out)
    }

    /// `s.casefold()`: Unicode full case folding ('ß' -> 'ss', 'ς' -> 'σ').
    ///
    /// Swift exposes no folding table, so this folds code points that change under case
    /// folding as lower(upper(c)), which equals the full folding except for Cherokee, whose
    /// folding goes to the *upper* case and is handled explicitly.
    static func casefold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            let v = c.value
            if (0x13F8...0x13FD).contains(v), let u = Unicode.Scalar(v - 8) {
                out.append(u)
            } else if (0xAB70...0xABBF).contains(v), let u = Unicode.Scalar(v - 0xAB70 + 0x13A0) {
                out.append(u)
            } else if (0x13A0...0x13F5).contains(v) || !c.properties.changesWhenCaseFolded {
                out.append(c)
            } else {
                for u in c.properties.uppercaseMapping.unicodeScalars {
                    out.append(contentsOf: u.properties.lowercaseMapping.unicodeScalars)
                }
            }
        }
        return String(out)
    }

    /// Lowercase of `chars[i]`, choosing final sigma by CPython's `handle_capital_sigma` rule.
    private static func appendLower(_ chars: Scalars, _ i: Int, to out: inout String.UnicodeScalarView) {
        let c = chars[i]
        guard c.value == 0x3A3 else {
            out.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
            return
        }
        var j = i - 1
        while j >= 0 && chars[j].properties.isCaseIgnorable { j -= 1 }
        var finalSigma = j >= 0 && chars[j].properties.isCased
        if finalSigma && i + 1 < chars.count {
            var k = i + 1
            while k < chars.count && chars[k].properties.isCaseIgnorable { k += 1 }
            finalSigma = k == chars.count || !chars[k].properties.isCased
        }
        out.append(finalSigma ? "\u{3C2}" : "\u{3C3}")
    }
}
