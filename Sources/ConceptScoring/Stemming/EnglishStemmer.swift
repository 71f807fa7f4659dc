/// The Snowball English ("Porter2") stemmer, written from the Snowball specification
/// (snowballstem.org/algorithms/english/stemmer.html), as revised in Snowball 3.0 (the "inter",
/// "past", "organ"... region prefixes; "dying" → "die" and "inning" kept in step 1b; no undoubling
/// in "add"/"egg"/"odd").
///
/// Why our own: prose answers say "processes", "processing", "processed"; the rubric says
/// "process". Stemming both sides lets one rubric term cover every inflection, and reproducing the
/// reference algorithm exactly (tested against the published word list) means an author can
/// predict what a term matches by running any Snowball implementation.
///
/// The stemmer works on ASCII lowercase letters (plus apostrophe). Words containing anything
/// else are returned unchanged: the normaliser has already folded case and compatibility forms,
/// and a word with letters outside a–z is not English the algorithm knows about.
public struct EnglishStemmer: Sendable {
    public init() {}

    /// The stem of one lowercase word.
    public func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        guard bytes.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x27 }) else { return word }
        if let special = Self.exception1[word] { return special }
        var w = Word(bytes)
        guard w.count > 2 else { return word }
        w.prelude()
        guard w.count > 2 else { return String(decoding: w.chars, as: UTF8.self) }
        w.markRegions()
        w.step0()
        w.step1a()
        w.step1b()
        w.step1c()
        w.step2()
        w.step3()
        w.step4()
        w.step5()
        w.postlude()
        return w.asString
    }

    /// Words whose stem the algorithm would get wrong, checked before anything else.
    static let exception1: [String: String] = [
        "skis": "ski", "skies": "sky",
        "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli",
        "singly": "singl",
        "sky": "sky", "news": "news", "howe": "howe",
        "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
    ]
}


/// A word being stemmed: its letters and the start of its regions R1 and R2.
struct Word {
    var chars: [UInt8]
    var p1 = 0
    var p2 = 0

    init(_ chars: [UInt8]) { self.chars = chars }

    var count: Int { chars.count }
    var asString: String { String(decoding: chars, as: UTF8.self) }

    static let a = UInt8(ascii: "a"), e = UInt8(ascii: "e"), i = UInt8(ascii: "i")
    static let o = UInt8(ascii: "o"), u = UInt8(ascii: "u"), y = UInt8(ascii: "y")
    static let bigY = UInt8(ascii: "Y"), w = UInt8(ascii: "w"), x = UInt8(ascii: "x")
    static let apostrophe = UInt8(ascii: "'")

    /// Vowels for the algorithm: a e i o u y (a `Y` marked as consonant in the prelude is not one).
    func isVowel(at index: Int) -> Bool {
        switch chars[index] {
        case Self.a, Self.e, Self.i, Self.o, Self.u, Self.y: return true
        default: return false
        }
    }

    func endsWith(_ suffix: [UInt8]) -> Bool {
        guard suffix.count <= chars.count else { return false }
        return chars[(chars.count - suffix.count)...].elementsEqual(suffix)
    }

    /// The longest of `suffixes` the word ends with (Snowball `among` picks the longest match,
    /// then tests its conditions; it never falls back to a shorter one).
    func longestSuffix(_ suffixes: [[UInt8]]) -> [UInt8]? {
        var best: [UInt8]?
        for suffix in suffixes where endsWith(suffix) {
            if suffix.count > (best?.count ?? -1) { best = suffix }
        }
        return best
    }

    mutating func replaceSuffix(_ length: Int, with replacement: String) {
        chars.removeLast(length)
        chars.append(contentsOf: Array(replacement.utf8))
    }

    /// True when the letters before `end` contain a vowel.
    func hasVowel(before end: Int) -> Bool {
        var index = 0
        while index < end {
            if isVowel(at: index) { return true }
            index += 1
        }
        return false
    }

    /// A short syllable ending just before `end`: non-vowel, vowel, non-vowel other than w, x, Y;
    /// or, at the very start of the word, vowel then non-vowel.
    func endsInShortSyllable(_ end: Int) -> Bool {
        if end >= 3 {
            let last = chars[end - 1]
            if !isVowel(at: end - 1), last != Self.w, last != Self.x, last != Self.bigY,
               isVowel(at: end - 2), !isVowel(at: end - 3) {
                return true
            }
        }
        if end == 2 && isVowel(at: 0) && !isVowel(at: 1) { return true }
        // Snowball 3 treats a stem ending in "past" as short ("paste" keeps its e).
        return end >= 4 && chars[(end - 4)..<end].elementsEqual("past".utf8)
    }
}
