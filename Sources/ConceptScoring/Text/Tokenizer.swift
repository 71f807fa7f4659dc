/// Splits a sentence into word tokens.
///
/// Words are runs of letters, digits and underscores (so `cpu_count` stays one word); hyphens,
/// slashes and dots separate words; punctuation that ends a clause (, ; : brackets, a dash
/// between spaces) is remembered on the next token, as negation stops there ("CPU-bound" is "cpu bound", "os.cpu_count" is "os cpu_count").
/// Contractions are opened up so negation is visible: "don't" → "do" "n't", "can't" → "ca"
/// "n't" → "can" "n't", "cannot" → "can" "not", "won't" → "will" "n't". A possessive "'s" is
/// dropped.
public struct Tokenizer: Sendable {
    let stemmer = EnglishStemmer()

    public init() {}

    public func tokens(in sentence: String) -> [Token] {
        var stems: [String: String] = [:]
        return tokens(in: sentence, stemCache: &stems)
    }

    /// Tokens, reusing stems already computed for earlier sentences of the same answer (answers
    /// repeat their words a lot, and stemming is the tokenizer's costliest step).
    func tokens(in sentence: String, stemCache: inout [String: String]) -> [Token] {
        let characters = Array(sentence)
        var tokens: [Token] = []
        var index = 0
        var pendingBreak = false
        while index < characters.count {
            let character = characters[index]
            guard Self.isWordCharacter(character) else {
                let spacedDash = character == "-" && (index == 0 || characters[index - 1] == " ")
                if Self.clauseBreaks.contains(character) || spacedDash { pendingBreak = true }
                index += 1
                continue
            }
            var end = index
            while end < characters.count {
                if Self.isWordCharacter(characters[end]) {
                    end += 1
                } else if characters[end] == "'", end + 1 < characters.count, characters[end + 1].isLetter, end > index {
                    end += 1 // inner apostrophe: don't, process's
                } else {
                    break
                }
            }
            let word = String(characters[index..<end])
            for piece in Self.split(word: word, start: index) {
                tokens.append(makeToken(piece.text, start: piece.start, end: piece.end, breakBefore: pendingBreak, stemCache: &stemCache))
                pendingBreak = false
            }
            index = end
        }
        return tokens
    }

    func makeToken(_ text: String, start: Int, end: Int, breakBefore: Bool, stemCache: inout [String: String]) -> Token {
        let folded = TextNormalizer.fold(text)
        let stem: String
        if let known = stemCache[folded] {
            stem = known
        } else {
            stem = folded == "n't" ? folded : stemmer.stem(folded)
            stemCache[folded] = stem
        }
        return Token(text: text, folded: folded, stem: stem, start: start, end: end, clauseBreakBefore: breakBefore)
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    static let clauseBreaks: Set<Character> = [",", ";", ":", "(", ")", "[", "]", "•", "?", "!", ".", "|"]

    /// Opens contractions and drops possessives, keeping character offsets for each piece.
    static func split(word: String, start: Int) -> [(text: String, start: Int, end: Int)] {
        let lower = TextNormalizer.fold(word)
        let end = start + word.count
        if lower.hasSuffix("n't") {
            let stemLength = word.count - 3
            var head = String(word.prefix(stemLength))
            switch TextNormalizer.fold(head) {
            case "ca": head += "n"       // can't
            case "wo": head = "will"     // won't
            case "sha": head = "shall"   // shan't
            default: break
            }
            var pieces: [(String, Int, Int)] = []
            if !head.isEmpty { pieces.append((head, start, start + stemLength)) }
            pieces.append(("n't", start + stemLength, end))
            return pieces
        }
        if lower == "cannot" {
            return [(String(word.prefix(3)), start, start + 3), (String(word.suffix(3)), start + 3, end)]
        }
        if lower.hasSuffix("'s") {
            return [(String(word.dropLast(2)), start, end - 2)]
        }
        if let apostrophe = word.firstIndex(of: "'") {
            // Other contractions ("it'll", "they're"): keep the word part.
            let head = String(word[..<apostrophe])
            return head.isEmpty ? [] : [(head, start, start + head.count)]
        }
        return [(word, start, end)]
    }
}
