import Yams

/// Turns the YAML node tree into the rubric model, one level per function. Problems are
/// recorded in the reader and the faulty element is skipped, so parsing always continues and
/// every problem in the file is reported in one go.
enum RubricBuilder {
    enum Keys {
        static let rubric = ["assignment", "title", "synonyms", "questions"]
        static let question = ["id", "title", "kind", "points", "prose_points", "cap", "required_cap",
                               "min_words", "concepts", "misconceptions", "checks"]
        static let concept = ["id", "points", "required", "phrases", "window", "any_order", "feedback", "unless"]
        static let misconception = ["id", "points", "phrases", "window", "any_order", "feedback", "unless"]
        static let phrase = ["text", "window", "any_order"]
    }

    static func rubric(from root: Node, reader: inout NodeReader) -> Rubric? {
        guard let fields = reader.fields(of: root, context: "the rubric", allowed: Keys.rubric,
                                         required: ["assignment", "questions"]) else { return nil }
        let assignment = fields["assignment"].flatMap { reader.string($0.value, "'assignment'") }
        let title = fields["title"].flatMap { reader.string($0.value, "'title'") }
        let synonyms = fields["synonyms"].map { synonymGroups(from: $0.value, reader: &reader) } ?? []
        var questions: [RubricQuestion] = []
        if let list = fields["questions"].flatMap({ reader.sequence($0.value, "'questions'") }) {
            if list.isEmpty, let node = fields["questions"]?.value { reader.report("the rubric has no questions", at: node) }
            for node in list {
                if let question = question(from: node, reader: &reader) { questions.append(question) }
            }
        }
        guard let assignment else { return nil }
        return Rubric(assignment: assignment, title: title, synonyms: synonyms, questions: questions, file: reader.file)
    }

    static func synonymGroups(from node: Node, reader: inout NodeReader) -> [SynonymGroup] {
        guard let groups = reader.sequence(node, "'synonyms' (a list of word lists)") else { return [] }
        return groups.compactMap { group in
            guard let words = reader.sequence(group, "a synonym group") else { return nil }
            let texts = words.compactMap { reader.string($0, "a synonym") }
            if words.count < 2 { reader.report("a synonym group needs at least two words", at: group) }
            return SynonymGroup(words: texts, location: reader.location(of: group))
        }
    }

    static func question(from node: Node, reader: inout NodeReader) -> RubricQuestion? {
        guard let fields = reader.fields(of: node, context: "a question", allowed: Keys.question,
                                         required: ["id", "kind", "points"]) else { return nil }
        let id = fields["id"].flatMap { reader.string($0.value, "'id'") }
        let title = fields["title"].flatMap { reader.string($0.value, "'title'") }
        var kind: QuestionKind?
        if let kindNode = fields["kind"]?.value, let text = reader.string(kindNode, "'kind'") {
            kind = QuestionKind(rawValue: text)
            if kind == nil {
                let names = QuestionKind.allCases.map(\.rawValue)
                let hint = KeySuggestion.nearest(to: text, in: names).map { "; did you mean '\($0)'?" }
                    ?? " (expected one of: \(names.joined(separator: ", ")))"
                reader.report("unknown question kind '\(text)'\(hint)", at: kindNode)
            }
        }
        let points = fields["points"].flatMap { reader.number($0.value, "'points'") }
        let proseMax = fields["prose_points"].flatMap { reader.number($0.value, "'prose_points'") }
        let cap = fields["cap"].flatMap { reader.number($0.value, "'cap'") }
        let requiredCap = fields["required_cap"].flatMap { reader.number($0.value, "'required_cap'") }
        let minWords = fields["min_words"].flatMap { reader.integer($0.value, "'min_words'") }
        let concepts = fields["concepts"].map {
            conceptList(from: $0.value, misconception: false, reader: &reader)
        } ?? []
        let misconceptions = fields["misconceptions"].map {
            conceptList(from: $0.value, misconception: true, reader: &reader)
        } ?? []
        let checks = fields["checks"].flatMap { reader.sequence($0.value, "'checks'") }?.map { reader.opaque($0) } ?? []

        guard let id, let kind, let points else { return nil }
        let location = reader.location(of: node)
        // Keys that do not belong to the kind, reported where they are written.
        if !kind.hasProse {
            for key in ["prose_points", "cap", "required_cap", "min_words", "concepts", "misconceptions"] {
                if let key = fields[key]?.key { reader.report("'\(key.string ?? "")' is for prose; question \(id) is a code question", at: key) }
            }
        }
        if kind == .prose, let key = fields["checks"]?.key {
            reader.report("'checks' is for code; question \(id) is a prose question (use kind: both)", at: key)
        }
        if kind == .prose, let key = fields["prose_points"]?.key {
            reader.report("'prose_points' is only for kind: both; a prose question's points are all prose", at: key)
        }
        if kind == .both, fields["prose_points"] == nil {
            reader.report("question \(id) has kind: both and needs 'prose_points' (the prose part's share of its points)", at: node)
            return nil
        }
        if kind.hasProse, fields["concepts"] == nil {
            reader.report("question \(id) has prose and needs 'concepts'", at: node)
        }
        return RubricQuestion(id: id, title: title, kind: kind, points: points,
                              proseMax: kind == .both ? (proseMax ?? 0) : nil,
                              cap: kind.hasProse ? cap : nil, requiredCap: kind.hasProse ? requiredCap : nil,
                              minWords: minWords ?? 0, concepts: kind.hasProse ? concepts : [],
                              misconceptions: kind.hasProse ? misconceptions : [], checks: checks,
                              location: location)
    }

    static func conceptList(from node: Node, misconception: Bool, reader: inout NodeReader) -> [Concept] {
        let what = misconception ? "'misconceptions'" : "'concepts'"
        guard let list = reader.sequence(node, what) else { return [] }
        return list.compactMap { concept(from: $0, misconception: misconception, reader: &reader) }
    }

    static func concept(from node: Node, misconception: Bool, reader: inout NodeReader) -> Concept? {
        let context = misconception ? "a misconception" : "a concept"
        guard let fields = reader.fields(of: node, context: context,
                                         allowed: misconception ? Keys.misconception : Keys.concept,
                                         required: ["id", "points", "phrases", "feedback"]) else { return nil }
        let id = fields["id"].flatMap { reader.string($0.value, "'id'") }
        let points = fields["points"].flatMap { reader.number($0.value, "'points'") }
        let required = fields["required"].flatMap { reader.bool($0.value, "'required'") } ?? false
        let window = fields["window"].flatMap { reader.integer($0.value, "'window'") }
        let anyOrder = fields["any_order"].flatMap { reader.bool($0.value, "'any_order'") } ?? false
        let feedback = fields["feedback"].flatMap { reader.string($0.value, "'feedback'") }
        var phrases: [Phrase] = []
        if let phrasesNode = fields["phrases"]?.value, let list = reader.sequence(phrasesNode, "'phrases'") {
            if list.isEmpty { reader.report("\(context) needs at least one phrase", at: phrasesNode) }
            phrases = list.compactMap { phrase(from: $0, window: window, anyOrder: anyOrder, reader: &reader) }
        }
        var unless: [Phrase] = []
        if let unlessNode = fields["unless"]?.value, let list = reader.sequence(unlessNode, "'unless'") {
            unless = list.compactMap { phrase(from: $0, window: nil, anyOrder: true, reader: &reader) }
        }
        guard let id, let points, let feedback else { return nil }
        return Concept(id: id, points: points, required: required, phrases: phrases, feedback: feedback,
                       unless: unless, location: reader.location(of: node))
    }

    /// A phrase is plain text, or a mapping overriding the concept's window and word order.
    static func phrase(from node: Node, window: Int?, anyOrder: Bool, reader: inout NodeReader) -> Phrase? {
        if case .mapping = node {
            guard let fields = reader.fields(of: node, context: "a phrase", allowed: Keys.phrase, required: ["text"]) else { return nil }
            let text = fields["text"].flatMap { reader.string($0.value, "'text'") }
            let ownWindow = fields["window"].flatMap { reader.integer($0.value, "'window'") }
            let ownOrder = fields["any_order"].flatMap { reader.bool($0.value, "'any_order'") }
            guard let text, let textNode = fields["text"]?.value else { return nil }
            return Phrase(text, window: ownWindow ?? window, anyOrder: ownOrder ?? anyOrder,
                          location: reader.location(of: textNode))
        }
        guard let text = reader.string(node, "a phrase") else { return nil }
        return Phrase(text, window: window, anyOrder: anyOrder, location: reader.location(of: node))
    }
}
