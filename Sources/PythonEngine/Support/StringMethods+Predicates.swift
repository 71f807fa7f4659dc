// API (each false for an empty string unless noted):
//   PyStr.isdigit, isdecimal, isnumeric, isalpha, isalnum, isspace, isupper, islower, istitle,
//   isidentifier, isascii (true when empty), isprintable (true when empty):  (_ s: String) -> Bool

extension PyStr {
    /// `s.isdecimal()`: every code point has Numeric_Type=Decimal.
    static func isdecimal(_ s: String) -> Bool { nonEmptyAll(s, isDecimalChar) }

    /// `s.isdigit()`: Numeric_Type Decimal or Digit ('²' is a digit, not a decimal).
    static func isdigit(_ s: String) -> Bool { nonEmptyAll(s, isDigitChar) }

    /// `s.isnumeric()`: any Numeric_Type ('½', '五' too).
    static func isnumeric(_ s: String) -> Bool { nonEmptyAll(s, isNumericChar) }

    /// `s.isalpha()`: letters (categories Lu Ll Lt Lm Lo).
    static func isalpha(_ s: String) -> Bool { nonEmptyAll(s, isAlphaChar) }

    /// `s.isalnum()`.
    static func isalnum(_ s: String) -> Bool {
        nonEmptyAll(s) { isAlphaChar($0) || isNumericChar($0) }
    }

    /// `s.isspace()`.
    static func isspace(_ s: String) -> Bool { nonEmptyAll(s, isPythonWhitespace) }

    /// `s.isascii()`.
    static func isascii(_ s: String) -> Bool { s.unicodeScalars.allSatisfy { $0.isASCII } }

    /// `s.isprintable()`.
    static func isprintable(_ s: String) -> Bool { s.unicodeScalars.allSatisfy(isPythonPrintable) }

    /// `s.isupper()`: some cased code point, and none lowercase or titlecase.
    static func isupper(_ s: String) -> Bool {
        var cased = false
        for c in s.unicodeScalars {
            let f = charFlags(c)
            if f.contains(.lower) || f.contains(.titlecase) { return false }
            if f.contains(.upper) { cased = true }
        }
        return cased
    }

    /// `s.islower()`.
    static func islower(_ s: String) -> Bool {
        var cased = false
        for c in s.unicodeScalars {
            let f = charFlags(c)
            if f.contains(.upper) || f.contains(.titlecase) { return false }
            if f.contains(.lower) { cased = true }
        }
        return cased
    }

    /// `s.istitle()`: uppercase only after uncased code points, lowercase only after cased ones.
    static func istitle(_ s: String) -> Bool {
        var cased = false
        var previousIsCased = false
        for c in s.unicodeScalars {
            let f = charFlags(c)
            if f.contains(.upper) || f.contains(.titlecase) {
                if previousIsCased { return false }
                previousIsCased = true
                cased = true
            } else if f.contains(.lower) {
                if !previousIsCased { return false }
                previousIsCased = true
                cased = true
            } else {
                previousIsCased = false
            }
        }
        return cased
    }

    /// `s.isidentifier()`: XID_Start or `_`, then XID_Continue.
    static func isidentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first else { return false }
        guard first == "_" || charFlags(first).contains(.identifierStart) else { return false }
        return s.unicodeScalars.dropFirst().allSatisfy { charFlags($0).contains(.identifierContinue) }
    }

    /// CPython 3.11's character properties: Swift's Unicode data, corrected by the
    /// `Python311Unicode` overrides where the Unicode versions disagree.
    static func charFlags(_ c: Unicode.Scalar) -> Python311Unicode.Flags {
        if c.value >= 0x80, let python = Python311Unicode.flags(c) { return python }
        let p = c.properties
        var f: Python311Unicode.Flags = []
        switch p.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .modifierLetter, .otherLetter: f.insert(.alpha)
        case .titlecaseLetter: f.insert(.alpha); f.insert(.titlecase)
        default: break
        }
        if let type = p.numericType {
            switch type {
            case .decimal: f.formUnion([.decimal, .digit, .numeric])
            case .digit: f.formUnion([.digit, .numeric])
            case .numeric: f.insert(.numeric)
            @unknown default: f.insert(.numeric)
            }
        }
        if p.isUppercase { f.insert(.upper) }
        if p.isLowercase { f.insert(.lower) }
        if c == "_" || p.isXIDStart { f.insert(.identifierStart) }
        if p.isXIDContinue { f.insert(.identifierContinue) }
        return f
    }

    private static func nonEmptyAll(_ s: String, _ test: (Unicode.Scalar) -> Bool) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy(test)
    }

    private static func isDecimalChar(_ c: Unicode.Scalar) -> Bool { charFlags(c).contains(.decimal) }

    private static func isDigitChar(_ c: Unicode.Scalar) -> Bool { charFlags(c).contains(.digit) }

    private static func isNumericChar(_ c: Unicode.Scalar) -> Bool { charFlags(c).contains(.numeric) }

    private static func isAlphaChar(_ c: Unicode.Scalar) -> Bool { charFlags(c).contains(.alpha) }
}
