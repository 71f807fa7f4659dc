/// Checks that a structurally sound rubric makes sense as a marking scheme. The rules (also in
/// `rubrics/FORMAT.md`):
///
/// - question ids are unique in the rubric; concept and misconception ids are unique within
///   their question;
/// - a question's `points` is positive; for kind `both`, `prose_points` lies strictly between 0
///   and `points` (the rest is the code part);
/// - `cap` (default: the prose part's points) is positive and at most the prose part's points;
/// - every concept is worth more than 0 and at most the cap; every misconception is worth less
///   than 0;
/// - the concepts together can reach the cap (their points add up to at least the cap), so a
///   complete answer earns full marks; they may add up to more, which lets an answer reach full
///   marks by different routes;
/// - `required_cap` lies in [0, cap) and is only given when some concept is required;
/// - `min_words` and phrase `window`s are not negative / at least 1;
/// - when every check of a code part states `points:`, they add up to the code part's points.
enum RubricValidator {
    static func problems(in rubric: Rubric) -> [RubricDiagnostic] {
        var problems: [RubricDiagnostic] = []
        var seenQuestions: [String: SourceLocation] = [:]
        for question in rubric.questions {
            if let first = seenQuestions[question.id] {
                problems.append(RubricDiagnostic("duplicate question id '\(question.id)' (first used at line \(first.line))", at: question.location))
            } else {
                seenQuestions[question.id] = question.location
            }
            problems += pointProblems(in: question)
            problems += idProblems(in: question)
            problems += checkProblems(in: question)
        }
        problems += synonymProblems(in: rubric)
        return problems
    }

    static func pointProblems(in question: RubricQuestion) -> [RubricDiagnostic] {
        var problems: [RubricDiagnostic] = []
        func report(_ message: String, _ location: SourceLocation = question.location) {
            problems.append(RubricDiagnostic(message, at: location))
        }
        let id = question.id
        guard question.points > 0 else {
            report("question \(id) must be worth more than 0 points")
            return problems
        }
        guard question.kind.hasProse else { return problems }
        if question.kind == .both, !(question.proseMax > 0 && question.proseMax < question.points) {
            report("question \(id): prose_points (\(format(question.proseMax))) must be more than 0 and less than points (\(format(question.points))); the rest is the code part")
            return problems
        }
        if question.cap <= 0 || question.cap > question.proseMax {
            report("question \(id): cap (\(format(question.cap))) must be more than 0 and at most the prose part's \(format(question.proseMax)) points")
        }
        if question.minWords < 0 { report("question \(id): min_words cannot be negative") }
        let total = question.concepts.reduce(0) { $0 + $1.points }
        if !question.concepts.isEmpty, total < question.cap {
            report("question \(id): concept points add up to \(format(total)), less than the \(format(question.cap)) a complete answer should earn")
        }
        for concept in question.concepts {
            if concept.points <= 0 {
                report("concept '\(concept.id)' must be worth more than 0 points (use 'misconceptions' for ideas that cost points)", concept.location)
            } else if concept.points > question.cap {
                report("concept '\(concept.id)' is worth \(format(concept.points)), more than question \(id)'s cap of \(format(question.cap))", concept.location)
            }
        }
        for misconception in question.misconceptions where misconception.points >= 0 {
            report("misconception '\(misconception.id)' must have negative points (what spotting it takes away)", misconception.location)
        }
        let hasRequired = question.concepts.contains { $0.required }
        if question.requiredCap < 0 || question.requiredCap >= question.cap, hasRequired {
            report("question \(id): required_cap (\(format(question.requiredCap))) must be at least 0 and less than the cap (\(format(question.cap)))")
        }
        for concept in question.concepts + question.misconceptions {
            for phrase in concept.phrases where (phrase.window ?? 1) < 1 {
                report("window must be at least 1 word", phrase.location)
            }
        }
        return problems
    }

    static func idProblems(in question: RubricQuestion) -> [RubricDiagnostic] {
        var problems: [RubricDiagnostic] = []
        var seen: [String: SourceLocation] = [:]
        for concept in question.concepts + question.misconceptions {
            if let first = seen[concept.id] {
                problems.append(RubricDiagnostic("duplicate concept id '\(concept.id)' in question \(question.id) (first used at line \(first.line))", at: concept.location))
            } else {
                seen[concept.id] = concept.location
            }
        }
        return problems
    }

    /// The checks are opaque, but when each one states its points (`- runs: {points: 1}` or
    /// `- {kind: runs, points: 1}`), their total must match the code part.
    static func checkProblems(in question: RubricQuestion) -> [RubricDiagnostic] {
        guard question.kind.hasCode, !question.checks.isEmpty else { return [] }
        let stated: [Double?] = question.checks.map { check in
            if let points = check["points"]?.scalar { return Double(points) }
            if case .mapping(let pairs, _) = check, pairs.count == 1, let points = pairs[0].value["points"]?.scalar {
                return Double(points)
            }
            return nil
        }
        guard stated.allSatisfy({ $0 != nil }) else { return [] }
        let total = stated.reduce(0) { $0 + ($1 ?? 0) }
        guard total != question.codePoints else { return [] }
        return [RubricDiagnostic("question \(question.id): checks add up to \(format(total)) points but the code part is worth \(format(question.codePoints))", at: question.checks[0].location)]
    }

    static func synonymProblems(in rubric: Rubric) -> [RubricDiagnostic] {
        var problems: [RubricDiagnostic] = []
        var seen: [String: SourceLocation] = [:]
        for group in rubric.synonyms {
            for word in group.words {
                let key = word.lowercased()
                if let first = seen[key], first != group.location {
                    problems.append(RubricDiagnostic("'\(word)' is already in the synonym group at line \(first.line); merge the groups", at: group.location))
                }
                seen[key] = seen[key] ?? group.location
            }
        }
        return problems
    }

    /// Points as authors write them: "2", "1.5".
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
