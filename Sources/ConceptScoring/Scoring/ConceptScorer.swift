import Rubrics

/// Scores prose answers against a rubric's concepts.
///
/// The scoring rule (also in `rubrics/FORMAT.md`), for a question with prose max M and cap C:
/// 1. an answer with fewer words than `min_words` scores 0;
/// 2. each concept found (by any of its phrases, not negated) earns its points: E = their sum;
/// 3. the earned points are capped: min(E, C); if a required concept is missing, also at
///    `required_cap`;
/// 4. each misconception spotted subtracts its points from that, so a wrong idea always costs
///    even when the answer had points to spare;
/// 5. the score never goes below 0.
/// Everything is deterministic: same rubric and answer, same score, same feedback.
public struct ConceptScorer: Sendable {
    public let rubric: Rubric
    let lexicon: Lexicon
    let questions: [String: CompiledQuestion]

    struct CompiledConcept: Sendable {
        var concept: Concept
        var phrases: [CompiledPhrase]
        var unless: [CompiledPhrase]
    }

    struct CompiledQuestion: Sendable {
        var question: RubricQuestion
        var concepts: [CompiledConcept]
        var misconceptions: [CompiledConcept]
    }

    /// Prepares a rubric for scoring. Phrases that can never match are left out; call
    /// `diagnostics(for:)` (or `load(path:)`) to have them reported.
    public init(rubric: Rubric) {
        let compiled = Self.compile(rubric)
        self.rubric = rubric
        self.lexicon = compiled.lexicon
        self.questions = compiled.questions
    }

    /// Language-level problems in a rubric: phrases that can never match, multi-word synonyms.
    /// (Structural problems are found by `RubricParser`.)
    public static func diagnostics(for rubric: Rubric) -> [RubricDiagnostic] {
        compile(rubric).diagnostics
    }

    /// Reads a rubric and checks it completely (structure and phrases); every problem is
    /// reported together, as `file:line:column: message`.
    public static func load(path: String) throws(RubricError) -> ConceptScorer {
        let (rubric, structural) = RubricParser.loadCollecting(path: path)
        let problems = structural + (rubric.map(diagnostics(for:)) ?? [])
        guard let rubric, problems.isEmpty else { throw RubricError(problems) }
        return ConceptScorer(rubric: rubric)
    }

    private static func compile(_ rubric: Rubric) -> (lexicon: Lexicon, questions: [String: CompiledQuestion], diagnostics: [RubricDiagnostic]) {
        var compiler = PhraseCompiler()
        compiler.addSynonyms(rubric.synonyms)
        var questions: [String: CompiledQuestion] = [:]
        for question in rubric.questions where question.kind.hasProse {
            func compileAll(_ concepts: [Concept]) -> [CompiledConcept] {
                concepts.map { concept in
                    CompiledConcept(concept: concept, phrases: concept.phrases.compactMap { compiler.compile($0) },
                                    unless: concept.unless.compactMap { compiler.compile($0) })
                }
            }
            questions[question.id] = CompiledQuestion(question: question, concepts: compileAll(question.concepts),
                                                      misconceptions: compileAll(question.misconceptions))
        }
        // Synonym groups may name words only phrases declared later; resolve once all are known.
        for id in questions.keys {
            guard var question = questions[id] else { continue }
            for c in question.concepts.indices {
                compiler.resolveSynonyms(&question.concepts[c].phrases)
                compiler.resolveSynonyms(&question.concepts[c].unless)
            }
            for m in question.misconceptions.indices {
                compiler.resolveSynonyms(&question.misconceptions[m].phrases)
                compiler.resolveSynonyms(&question.misconceptions[m].unless)
            }
            questions[id] = question
        }
        return (compiler.lexicon, questions, compiler.diagnostics)
    }

    /// The questions this scorer can score (kind `prose` or `both`), in rubric order.
    public var proseQuestions: [RubricQuestion] { rubric.questions.filter { $0.kind.hasProse } }

    /// Scores one answer to one prose (or `both`) question: pass the answer's prose only (for
    /// `both`, without the code). An empty answer scores 0 with every concept missing.
    public func score(answer: String, for questionID: String) throws(ScoringError) -> ProseScore {
        guard let compiled = questions[questionID] else {
            if rubric.question(questionID) != nil { throw .noProse(questionID) }
            throw .unknownQuestion(questionID)
        }
        let question = compiled.question
        let analyzed = AnalyzedAnswer(text: answer, lexicon: lexicon)
        let matcher = PhraseMatcher(lexicon: lexicon)

        func evaluate(_ concept: CompiledConcept) -> ConceptResult {
            var best: MatchEvidence?, negated: MatchEvidence?
            for phrase in concept.phrases {
                let found = matcher.bestMatch(of: phrase, in: analyzed, unless: concept.unless)
                if best == nil, let match = found.match { best = match }
                if negated == nil, let match = found.negated { negated = match }
            }
            return ConceptResult(id: concept.concept.id, points: concept.concept.points, required: concept.concept.required,
                                 feedback: concept.concept.feedback, evidence: best, negatedEvidence: best == nil ? negated : nil)
        }

        let conceptResults = compiled.concepts.map(evaluate)
        let misconceptionResults = compiled.misconceptions.map(evaluate)
        var earned = conceptResults.filter { $0.evidence != nil }
        var missing = conceptResults.filter { $0.evidence == nil }
        var spotted = misconceptionResults.filter { $0.evidence != nil }

        var limits: [ScoreLimit] = []
        var score: Double
        if analyzed.wordCount < question.minWords {
            limits.append(.tooShort)
            score = 0
            // Nothing counts in an answer too short to mark; report every concept as missing.
            missing = conceptResults.map { var result = $0; result.evidence = nil; return result }
            earned = []
            spotted = []
        } else {
            let total = earned.reduce(0) { $0 + $1.points }
            score = total
            if total > question.cap {
                limits.append(.capped)
                score = question.cap
            }
            if missing.contains(where: \.required), score > question.requiredCap {
                limits.append(.requiredMissing)
                score = question.requiredCap
            }
            score += spotted.reduce(0) { $0 + $1.points }
            score = Swift.max(0, score)
        }
        var result = ProseScore(questionID: question.id, score: score, max: question.proseMax, wordCount: analyzed.wordCount,
                                earned: earned, missing: missing, misconceptions: spotted, limits: limits, feedback: [])
        result.feedback = FeedbackWriter.lines(for: result, question: question)
        result.notes = FeedbackWriter.limitNotes(for: result, question: question)
        return result
    }
}
