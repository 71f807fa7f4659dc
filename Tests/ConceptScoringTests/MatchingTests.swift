import Testing
@testable import ConceptScoring

/// Each matching feature, with answers where it must fire and where it must not.
@Suite struct MatchingTests {
    func earned(_ answer: String, _ question: String = "P") throws -> [String] {
        try testScorer().score(answer: answer, for: question).earnedIDs()
    }

    @Test func exactStemAndSynonym() throws {
        let score = try testScorer().score(answer: "Each process has its own memory. Processes use multiple processors.", for: "P")
        #expect(score.earnedIDs().contains("own-memory"))
        let cores = try #require(score.result("cores")?.evidence)
        #expect(cores.tokens.map(\.kind) == [.exact, .synonym])
        #expect(cores.tokens.map(\.written) == ["multiple", "processors"])
        let own = try #require(score.result("own-memory")?.evidence)
        #expect(own.tokens.map(\.kind) == [.exact, .exact])
        let process = try #require(score.result("process-word")?.evidence)
        #expect(process.tokens.first?.kind == .exact)
        let stemmed = try testScorer().score(answer: "It uses many separate memories for the processes", for: "P")
        #expect(stemmed.result("own-memory")?.evidence?.tokens.map(\.kind) == [.synonym, .stem])
        #expect(stemmed.result("process-word")?.evidence?.tokens.first?.kind == .stem)
    }

    @Test func synonymGroupsApplyBothWays() throws {
        #expect(try earned("the program needs multiple cores to run").contains("cores"))
        #expect(try earned("each one has independent memory here").contains("own-memory"))
        #expect(try !earned("each one has dependent memory here").contains("own-memory"))
    }

    @Test func typosOfLongWordsMatch() throws {
        let score = try testScorer().score(answer: "Mutithreading is different from using a proccess", for: "P")
        #expect(score.earnedIDs().contains("multithreading"))
        #expect(score.earnedIDs().contains("process-word"))
        #expect(score.result("multithreading")?.evidence?.tokens.first?.kind == .typo)
        #expect(score.feedback.contains { $0.contains("\"Mutithreading\" read as \"multithreading\"") })
    }

    @Test func shortWordsNeedExactMatches() throws {
        // "gil" is three letters: "gul" is not a typo of it.
        #expect(try !earned("processes avoid the gul entirely, nice").contains("gil"))
        #expect(try earned("processes avoid the GIL entirely, nice").contains("gil"))
    }

    @Test func typoThatIsAnotherRubricWordDoesNotMatch() throws {
        // "processor" is within two edits of "process", but both are rubric words.
        let score = try testScorer().score(answer: "the processor runs it all", for: "R")
        #expect(score.result("processor")?.evidence?.tokens.first?.written == "processor")
        #expect(score.result("processor")?.evidence?.phrase == "processor")
        let onlyProcess = try testScorer().score(answer: "the processors run it all", for: "P")
        #expect(!onlyProcess.earnedIDs().contains("process-word"))
        // "thread" vs "threat": not a rubric word, but only 1 edit on a 6-letter word, so it is
        // a typo by the length rule; a 4-letter "thre" is never one.
        #expect(try earned("a threat runs the work fine", "R").contains("thread"))
        #expect(try !earned("a thre runs the work fine", "R").contains("thread"))
    }

    @Test func negationBlocksAMatch() throws {
        for answer in [
            "Threads do not have separate memory at all.",
            "Threads don't have separate memory at all.",
            "Threads never get their own memory at all.",
            "Threads run without separate memory at all.",
            "Threads cannot have their own memory at all.",
            "Threads have neither separate memory nor stacks.",
            "There is no separate memory for threads.",
        ] {
            let score = try testScorer().score(answer: answer, for: "P")
            #expect(!score.earnedIDs().contains("own-memory"), "\(answer)")
            #expect(score.result("own-memory")?.negatedEvidence != nil, "\(answer)")
        }
    }

    @Test func negationScopeEndsAtTheClause() throws {
        #expect(try earned("Threads do not copy data, but each process has separate memory.").contains("own-memory"))
        #expect(try earned("Threads share memory whereas processes never do; each process has its own memory").contains("own-memory"))
        #expect(try earned("Not only is there separate memory but also a separate interpreter").contains("own-memory"))
    }

    @Test func negationInsideThePhraseIsPartOfTheMatch() throws {
        #expect(try earned("processes have no shared state at all").contains("no-shared-state"))
        #expect(try !earned("processes have shared state at all times").contains("no-shared-state"))
    }

    @Test func negatedMisconceptionIsNotSpotted() throws {
        let wrong = try testScorer().score(answer: "In Python threads have separate memory spaces.", for: "P")
        #expect(wrong.misconceptions.map(\.id) == ["threads-separate-memory"])
        let right = try testScorer().score(answer: "In Python threads do not have separate memory spaces.", for: "P")
        #expect(right.misconceptions.isEmpty)
    }

    @Test func unlessCancelsAMatchItPrecedes() throws {
        let cancelled = try testScorer().score(answer: "Processes differ, whereas threads have separate memory", for: "P")
        #expect(cancelled.misconceptions.isEmpty)
        // Too far before the match (more than three words), or in another sentence: no effect.
        let far = try testScorer().score(answer: "Whereas it is known to all of us, threads have separate memory", for: "P")
        #expect(far.misconceptions.map(\.id) == ["threads-separate-memory"])
        let elsewhere = try testScorer().score(answer: "Whereas. Threads have separate memory", for: "P")
        #expect(elsewhere.misconceptions.map(\.id) == ["threads-separate-memory"])
    }

    @Test func phrasesNeverMatchAcrossSentences() throws {
        #expect(try !earned("Each process is on its own. Memory is copied when it starts.").contains("own-memory"))
        #expect(try earned("Each process is on its own memory. It is copied when it starts.").contains("own-memory"))
        #expect(try !earned("Python has a global interpreter. Lock it.").contains("gil"))
    }

    @Test func wordOrderIsKeptUnlessFreed() throws {
        // own-memory is in-order: "memory ... own" does not match.
        #expect(try !earned("the memory is their own, each time").contains("own-memory"))
        // memory-isolated allows any order.
        let score = try testScorer().score(answer: "each process is isolated in memory terms", for: "P")
        let evidence = try #require(score.result("memory-isolated")?.evidence)
        #expect(evidence.reordered)
        #expect(evidence.tokens.map(\.reordered) == [false, true])
        #expect(evidence.quote == "isolated in memory")
        let inOrder = try testScorer().score(answer: "the memory is isolated for each process", for: "P")
        #expect(inOrder.result("memory-isolated")?.evidence?.reordered == false)
    }

    @Test func proximityWindow() throws {
        // pool-reuses-workers has window 5: the three words within five tokens.
        #expect(try earned("the pool always reuses its workers for speed").contains("pool-reuse"))
        #expect(try !earned("the pool is big and it reuses many of the old workers").contains("pool-reuse"))
        // memory-isolated: window 3.
        #expect(try !earned("memory that is then kept isolated from others").contains("memory-isolated"))
    }

    @Test func evidenceQuotesTheStudentsWords() throws {
        let score = try testScorer().score(answer: "Intro line here.\nEach **Process** has its OWN   Memory space!", for: "P")
        let evidence = try #require(score.result("own-memory")?.evidence)
        #expect(evidence.sentence == "Each Process has its OWN Memory space!")
        #expect(evidence.quote == "OWN Memory")
        #expect(evidence.phrase == "own|separate memory")
        #expect(evidence.tokens.map(\.rubricWord) == ["own", "memory"])
    }
}
