import Foundation
import Testing
@testable import ConceptScoring

@Suite struct TextProcessingTests {
    @Test func normalisesUnicodeQuotesAndMarkup() {
        #expect(TextNormalizer.clean("ﬁle ＡＢＣ") == "file ABC")
        #expect(TextNormalizer.clean("“smart” ‘quotes’ — dash") == "\"smart\" 'quotes' - dash")
        #expect(TextNormalizer.clean("**own** `memory`<br>__space__") == "own memory\nspace")
        #expect(TextNormalizer.clean("#### Heading here\n> quoted line") == "Heading here\nquoted line")
        #expect(TextNormalizer.clean("a&nbsp;b &amp; c") == "a b & c")
        #expect(TextNormalizer.fold("Straße") == "strasse")
    }

    @Test func tokenizesContractionsHyphensAndPossessives() {
        let tokens = Tokenizer().tokens(in: "Threads don't share; CPU-bound process's work can't cannot won't")
        #expect(tokens.map(\.folded) == ["threads", "do", "n't", "share", "cpu", "bound", "process", "work", "can", "n't", "can", "not", "will", "n't"])
        #expect(tokens.map(\.stem).prefix(2) == ["thread", "do"])
        #expect(tokens[3].clauseBreakBefore == false)
        #expect(tokens[4].clauseBreakBefore == true) // after ";"
        #expect(tokens[5].clauseBreakBefore == false) // hyphen inside a word is not a clause break
        let sentence = "It's cpu_count() here"
        let words = Tokenizer().tokens(in: sentence)
        #expect(words.map(\.folded) == ["it", "cpu_count", "here"])
        let chars = Array(sentence)
        #expect(String(chars[words[1].start..<words[1].end]) == "cpu_count")
    }

    @Test func splitsSentences() {
        let text = """
        Processes run in parallel, e.g. on 4 cores. Python 3.11 uses os.cpu_count() here! Why? Because.
        - first bullet
        - second bullet
        Heading:
        text that was broken

        across a blank line. New paragraph

        Starts here
        """
        #expect(SentenceSplitter.sentences(in: text) == [
            "Processes run in parallel, e.g. on 4 cores.",
            "Python 3.11 uses os.cpu_count() here!",
            "Why?",
            "Because.",
            "first bullet",
            "second bullet",
            "Heading:",
            "text that was broken across a blank line.",
            "New paragraph",
            "Starts here",
        ])
    }

    @Test func markdownTableRowsAreSentences() {
        let text = "| | processes | threads |\n|---|---|---|\n| memory | separate | shared |\n| GIL | one per process | one |"
        #expect(SentenceSplitter.sentences(in: text) == ["processes", "threads", "memory", "separate", "shared", "GIL", "one per process", "one"])
        let cells = Tokenizer().tokens(in: "memory | separate | shared |")
        #expect(cells.map(\.clauseBreakBefore) == [false, true, true])
    }

    @Test func negationScopeEndsAtTheClause() {
        let tokens = Tokenizer().tokens(in: "Threads do not have separate memory, but processes never share it and threads do")
        let cues = NegationScope.cues(for: tokens)
        let negated = tokens.indices.filter { cues[$0] != nil }.map { tokens[$0].folded }
        #expect(negated == ["have", "separate", "memory", "share", "it"])
        let notOnly = Tokenizer().tokens(in: "not only faster but also safer")
        #expect(NegationScope.cues(for: notOnly).allSatisfy { $0 == nil })
    }

    @Test func typoBudgetScalesWithLength() {
        #expect(TypoTolerance.budget(forLength: 4) == 0)
        #expect(TypoTolerance.budget(forLength: 5) == 1)
        #expect(TypoTolerance.budget(forLength: 8) == 2)
        #expect(TypoTolerance.isTypo("mutithreading", of: "multithreading"))
        #expect(TypoTolerance.isTypo("proccess", of: "process"))
        #expect(TypoTolerance.isTypo("porcess", of: "process")) // swap
        #expect(!TypoTolerance.isTypo("coer", of: "core")) // short words: exact only
        #expect(!TypoTolerance.isTypo("brocess", of: "process")) // first letter must match
        #expect(!TypoTolerance.isTypo("prcss", of: "process")) // two edits on a 7-letter word
        #expect(!TypoTolerance.isTypo("process", of: "process")) // identical is not a typo
    }
}

/// `stripMarkup` skips each replacement when the text lacks the characters it needs; these check
/// that skipping never changes the result, against the plain sequence of all four replacements.
@Suite struct MarkupStrippingShortcutTests {
    static func unconditional(_ text: String) -> String {
        var result = text
        for (entity, character) in [("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"),
                                    ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        result = result.replacingOccurrences(of: #"<br\s*/?>|</?p>"#, with: "\n", options: [.regularExpression, .caseInsensitive])
        result = result.replacingOccurrences(of: #"</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>"#, with: " ", options: .regularExpression)
        result = result.replacingOccurrences(of: #"(\*\*|__|\*|~~|`{1,3}|\"\"\"|''')"#, with: " ", options: .regularExpression)
        result = result.replacingOccurrences(of: #"(?m)^[ \t]*(#{1,6}|>+)[ \t]*"#, with: "", options: .regularExpression)
        return result
    }

    @Test(arguments: [
        "plain words only", "it's a 'quoted' word", "a_b and c~d", "snake__case", "~~gone~~",
        "**bold** and *it*", "`code` and ```fence```", "\"\"\"doc\"\"\" and '''doc'''",
        "# heading\n> quote\n>> nested", "a > b and c # d", "&lt;br&gt;line&lt;/p&gt;", "&gt; quoted via entity",
        "&amp;lt;b&amp;gt;", "<b>tag</b> <br/> <P>", "x < y > z", "&#39;&#39;&#39;triple&apos;&apos;&apos;",
        "&quot;&quot;&quot;", "_&#95;_", "tab\t#\theading", "line\n  ### three\n####### seven",
    ])
    func shortcutMatchesEveryReplacement(_ text: String) {
        #expect(TextNormalizer.stripMarkup(text) == Self.unconditional(text))
    }

    @Test func shortcutMatchesOnGeneratedMixes() {
        let pieces = ["a", " ", "\n", "&", "&lt;", "&gt;", "&amp;", "&#39;", "&quot;", "<", ">", "b", "br", "p", "/",
                      "*", "_", "~", "`", "\"", "'", "#", "\t"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<12 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            #expect(TextNormalizer.stripMarkup(text) == Self.unconditional(text), "\(text.debugDescription)")
        }
    }
}
