/// The numbered steps of the Snowball English algorithm, in the order the specification gives
/// them. Each step looks only at the end of the word; R1 and R2 are fixed by `markRegions()` on
/// the word as it was before any suffix was removed.
extension Word {
    private static func list(_ words: String...) -> [[UInt8]] { words.map { Array($0.utf8) } }

    /// Drops a leading apostrophe and marks consonantal `y` (initial, or after a vowel) as `Y`.
    mutating func prelude() {
        if chars.first == Self.apostrophe { chars.removeFirst() }
        guard !chars.isEmpty else { return }
        if chars[0] == Self.y { chars[0] = Self.bigY }
        var index = 1
        while index < chars.count {
            if chars[index] == Self.y, isVowel(at: index - 1) { chars[index] = Self.bigY }
            index += 1
        }
    }

    mutating func postlude() {
        for index in chars.indices where chars[index] == Self.bigY { chars[index] = Self.y }
    }

    /// R1 starts after the first non-vowel that follows a vowel (or after one of a few known
    /// prefixes, so that "general" and "generous" keep different stems); R2 is the same rule
    /// applied again inside R1.
    mutating func markRegions() {
        p1 = count
        p2 = count
        if let prefix = Self.regionPrefixes.first(where: { chars.starts(with: $0) }) {
            p1 = prefix.count
        } else if let end = afterVowelThenConsonant(from: 0) {
            p1 = end
        } else {
            return
        }
        if let end = afterVowelThenConsonant(from: p1) { p2 = end }
    }

    private static let regionPrefixes = list("arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers")

    private func afterVowelThenConsonant(from start: Int) -> Int? {
        var index = start
        while index < count, !isVowel(at: index) { index += 1 }
        while index < count, isVowel(at: index) { index += 1 }
        return index < count ? index + 1 : nil
    }

    private func inR1(_ suffixLength: Int) -> Bool { count - suffixLength >= p1 }
    private func inR2(_ suffixLength: Int) -> Bool { count - suffixLength >= p2 }

    /// Possessive endings.
    mutating func step0() {
        if let suffix = longestSuffix(Self.step0Suffixes) { chars.removeLast(suffix.count) }
    }

    private static let step0Suffixes = list("'s'", "'s", "'")

    /// Plurals: sses → ss, ied/ies → i or ie, s → (deleted when a vowel comes earlier).
    mutating func step1a() {
        guard let suffix = longestSuffix(Self.step1aSuffixes) else { return }
        let text = String(decoding: suffix, as: UTF8.self)
        switch text {
        case "sses":
            replaceSuffix(4, with: "ss")
        case "ied", "ies":
            replaceSuffix(3, with: count > 4 ? "i" : "ie")
        case "s":
            if hasVowel(before: count - 2) { chars.removeLast() }
        default:
            break // "us" and "ss" stay
        }
    }

    private static let step1aSuffixes = list("sses", "ied", "ies", "s", "us", "ss")

    /// Past tenses and gerunds: eed → ee in R1 (except succeed/proceed/exceed); ed/ing (and -ly
    /// forms) deleted when a vowel precedes them, then the stem is tidied: add `e` after at/bl/iz,
    /// undouble a final double consonant (not in "add", "egg", "odd"), or restore `e` on a short
    /// word. "dying" and friends become "die"; "inning", "evening" and a few others stay whole.
    mutating func step1b() {
        guard let suffix = longestSuffix(Self.step1bSuffixes) else { return }
        let length = suffix.count
        let stemEnd = count - length
        let text = String(decoding: suffix, as: UTF8.self)
        if text == "eed" || text == "eedly" {
            guard inR1(length) else { return }
            let stem = String(decoding: chars[..<stemEnd], as: UTF8.self)
            if !Self.eedStems.contains(stem) { replaceSuffix(length, with: "ee") }
            return
        }
        if text == "ing" {
            let stem = String(decoding: chars[..<stemEnd], as: UTF8.self)
            if stemEnd == 2, chars[1] == Self.y, !isVowel(at: 0) {
                replaceSuffix(length + 1, with: "ie")
                return
            }
            if Self.ingStems.contains(stem) { return }
        }
        guard hasVowel(before: stemEnd) else { return }
        chars.removeLast(length)
        if endsWith(Array("at".utf8)) || endsWith(Array("bl".utf8)) || endsWith(Array("iz".utf8)) {
            chars.append(Self.e)
        } else if Self.doubles.contains(where: { endsWith($0) }) {
            let singleVowelBefore = count == 3 && [Self.a, Self.e, Self.o].contains(chars[0])
            if !singleVowelBefore { chars.removeLast() }
        } else if count == p1, endsInShortSyllable(count) {
            chars.append(Self.e)
        }
    }

    private static let step1bSuffixes = list("eed", "eedly", "ed", "edly", "ing", "ingly")
    private static let doubles = list("bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt")
    /// Whole words before "eed"/"ing" that keep the ending.
    private static let eedStems: Set<String> = ["succ", "proc", "exc"]
    private static let ingStems: Set<String> = ["even", "cann", "inn", "earr", "herr", "out"]

    /// A final y after a consonant (not the first letter) becomes i.
    mutating func step1c() {
        guard let last = chars.last, last == Self.y || last == Self.bigY, count > 2 else { return }
        if !isVowel(at: count - 2) { chars[count - 1] = Self.i }
    }

    /// Derivational suffixes in R1 mapped to a shorter form.
    mutating func step2() {
        guard let suffix = longestSuffix(Self.step2Rules.map(\.suffix)), inR1(suffix.count) else { return }
        let length = suffix.count
        let text = String(decoding: suffix, as: UTF8.self)
        switch text {
        case "ogi":
            if count > 3, chars[count - 4] == UInt8(ascii: "l") { replaceSuffix(3, with: "og") }
        case "li":
            if count > 2, Self.validLiEnding.contains(chars[count - 3]) { chars.removeLast(2) }
        default:
            if let rule = Self.step2Rules.first(where: { $0.suffix == suffix }) {
                replaceSuffix(length, with: rule.replacement)
            }
        }
    }

    private static let validLiEnding: Set<UInt8> = Set("cdeghkmnrt".utf8)

    private static let step2Rules: [(suffix: [UInt8], replacement: String)] = [
        ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
        ("izer", "ize"), ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"),
        ("alism", "al"), ("aliti", "al"), ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"),
        ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"), ("biliti", "ble"), ("bli", "ble"),
        ("ogi", "og"), ("ogist", "og"), ("fulli", "ful"), ("lessli", "less"), ("li", ""),
    ].map { (Array($0.0.utf8), $0.1) }

    /// More derivational suffixes in R1 (`ative` needs R2).
    mutating func step3() {
        guard let suffix = longestSuffix(Self.step3Rules.map(\.suffix)), inR1(suffix.count) else { return }
        let length = suffix.count
        if suffix == Array("ative".utf8) {
            if inR2(length) { chars.removeLast(length) }
            return
        }
        if let rule = Self.step3Rules.first(where: { $0.suffix == suffix }) {
            replaceSuffix(length, with: rule.replacement)
        }
    }

    private static let step3Rules: [(suffix: [UInt8], replacement: String)] = [
        ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
        ("ical", "ic"), ("ful", ""), ("ness", ""), ("ative", ""),
    ].map { (Array($0.0.utf8), $0.1) }

    /// Suffixes deleted when they lie in R2 (`ion` only after s or t).
    mutating func step4() {
        guard let suffix = longestSuffix(Self.step4Suffixes), inR2(suffix.count) else { return }
        let length = suffix.count
        if suffix == Array("ion".utf8) {
            guard count > 3 else { return }
            let before = chars[count - 4]
            if before == UInt8(ascii: "s") || before == UInt8(ascii: "t") { chars.removeLast(3) }
            return
        }
        chars.removeLast(length)
    }

    private static let step4Suffixes = list(
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism",
        "ate", "iti", "ous", "ive", "ize", "ion"
    )

    /// A final e in R2 (or in R1 after a non-short syllable) goes; a final ll in R2 loses one l.
    mutating func step5() {
        guard let last = chars.last else { return }
        if last == Self.e {
            if inR2(1) || (inR1(1) && !endsInShortSyllable(count - 1)) { chars.removeLast() }
        } else if last == UInt8(ascii: "l") {
            if inR2(1), count > 1, chars[count - 2] == UInt8(ascii: "l") { chars.removeLast() }
        }
    }
}
