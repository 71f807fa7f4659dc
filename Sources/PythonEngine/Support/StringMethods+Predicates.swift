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
            let p = c.properties
            if p.isLowercase || p.generalCategory == .titlecaseLetter { return false }
            if p.isUppercase { cased = true }
        }
        return cased
    }

    /// `s.islower()`.
    static func islower(_ s: String) -> Bool {
        var cased = false
        for c in s.unicodeScalars {
            let p = c.properties
            if p.isUppercase || p.generalCategory == .titlecaseLetter { return false }
            if p.isLowercase { cased = true }
        }
        return cased
    }

    /// `s.istitle()`: uppercase only after uncased code points, lowercase only after cased ones.
    static func istitle(_ s: String) -> Bool {
        var cased = false
        var previousIsCased = false
        for c in s.unicodeScalars {
            let p = c.properties
            if p.isUppercase || p.generalCategory == .titlecaseLetter {
                if previousIsCased { return false }
                previousIsCased = true
                cased = true
            } else if p.isLowercase {
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
        guard first == "_" || first.properties.isXIDStart else { return false }
        return s.unicodeScalars.dropFirst().allSatisfy { $0.properties.isXIDContinue }
    }

    private static func nonEmptyAll(_ s: String, _ test: (Unicode.Scalar) -> Bool) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy(test)
    }

    private static func isDecimalChar(_ c: Unicode.Scalar) -> Bool { c.properties.numericType == .decimal }

    private static func isDigitChar(_ c: Unicode.Scalar) -> Bool {
        let t = c.properties.numericType
        return t == .decimal || t == .digit
    }

    private static func isNumericChar(_ c: Unicode.Scalar) -> Bool { c.properties.numericType != nil }

    private static func isAlphaChar(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
}
