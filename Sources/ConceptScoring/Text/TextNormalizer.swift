import Foundation

/// Cleans answer text before it is split and matched: what students paste from notebooks,
/// word processors and PDFs carries compatibility characters (ligatures, full-width letters),
/// curly quotes, odd dashes and spaces, and Markdown/HTML remnants.
///
/// The result is still readable text (quotes in feedback come from it), only tidier; case is
/// folded later, per token, so quotes keep the student's capitals.
public enum TextNormalizer {
    /// NFKC, straight quotes and plain dashes, markup removed, whitespace runs within a line
    /// collapsed. Line structure is kept: sentence splitting uses it.
    public static func clean(_ text: String) -> String {
        var result = text.precomposedStringWithCompatibilityMapping
        result = String(String.UnicodeScalarView(result.unicodeScalars.map(replacement(for:))))
        result = stripMarkup(result)
        return result.split(separator: "\n", omittingEmptySubsequences: false)
            .map { collapseSpaces(String($0)) }
            .joined(separator: "\n")
    }

    /// Case folding for matching: lowercase, with the few folds `lowercased()` leaves out.
    public static func fold(_ word: String) -> String {
        word.lowercased().replacingOccurrences(of: "ß", with: "ss")
    }

    private static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x00B4: return "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return "\""
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: return "-"
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x0009: return " "
        case 0x200B, 0x200C, 0x200D, 0xFEFF: return " "
        case 0x2022, 0x25CF, 0x25AA, 0x25E6, 0x2023, 0x2043: return "•"
        case 0x000D: return "\n"
        default: return scalar
        }
    }

    /// Removes what Markdown and HTML leave in pasted answers: emphasis markers, inline code
    /// ticks, heading hashes, blockquote markers, `<br>`-style tags, common entities, and the
    /// triple quotes some students open answers with.
    ///
    /// Each replacement runs only when the text holds a character its pattern needs: Foundation
    /// compiles (and caches under a printed key) a regular expression on every call, which made
    /// this the most expensive step of loading a rubric (62% of it) and of scoring an answer,
    /// and most phrases and many answers carry no markup at all.
    static func stripMarkup(_ text: String) -> String {
        var result = text
        if result.utf8.contains(UInt8(ascii: "&")) {
            for (entity, character) in entities { result = result.replacingOccurrences(of: entity, with: character) }
        }
        // After the entities, which can produce '<' and '>'. The replacements below insert a
        // newline or a space, never an empty string, so none of them creates what a later one needs.
        let has = MarkupCharacters(result)
        if has.tagOpener {
            result = result.replacingOccurrences(of: #"<br\s*/?>|</?p>"#, with: "\n", options: [.regularExpression, .caseInsensitive])
            result = result.replacingOccurrences(of: #"</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>"#, with: " ", options: .regularExpression)
        }
        if has.emphasis {
            result = result.replacingOccurrences(of: #"(\*\*|__|\*|~~|`{1,3}|\"\"\"|''')"#, with: " ", options: .regularExpression)
        }
        if has.quoteOrHeading {
            result = result.replacingOccurrences(of: #"(?m)^[ \t]*(#{1,6}|>+)[ \t]*"#, with: "", options: .regularExpression)
        }
        return result
    }

    /// Which markup a text may hold, from one pass over its bytes (every marker is ASCII).
    private struct MarkupCharacters {
        var tagOpener = false, emphasis = false, quoteOrHeading = false

        init(_ text: String) {
            var previous: UInt8 = 0
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "<"): tagOpener = true
                case UInt8(ascii: ">"), UInt8(ascii: "#"): quoteOrHeading = true
                case UInt8(ascii: "*"), UInt8(ascii: "`"): emphasis = true
                // "__", "~~" and the triple quotes all start with a doubled character.
                case UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                    if previous == byte { emphasis = true }
                default: break
                }
                previous = byte
            }
        }
    }

    private static let entities = [("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"),
                                   ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'")]

    private static func collapseSpaces(_ line: String) -> String {
        line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
