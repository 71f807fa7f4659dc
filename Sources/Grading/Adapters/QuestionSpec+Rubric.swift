import Reports
import Rubrics

extension QuestionSpec {
    /// The grading view of a rubric question; its `checks:` are parsed here, so a mistake in
    /// them is reported with its place in the rubric (`CheckSchemaError`).
    public init(_ question: RubricQuestion) throws(CheckSchemaError) {
        let kind: Reports.QuestionKind
        switch question.kind {
        case .prose: kind = .prose
        case .code: kind = .code
        case .both: kind = .both
        }
        let checks = try CheckSet.parse(question.checks.map(CheckNode.init))
        self.init(id: question.id, title: question.title, kind: kind, points: question.points, proseMax: question.proseMax, checks: checks)
    }

    /// Every question of a rubric, with every problem in any question's checks reported together.
    public static func all(in rubric: Rubric) throws(CheckSchemaError) -> [QuestionSpec] {
        var specs: [QuestionSpec] = []
        var diagnostics: [CheckDiagnostic] = []
        for question in rubric.questions {
            do {
                let spec = try QuestionSpec(question)
                if spec.kind.hasCode, spec.checks.checks.isEmpty {
                    diagnostics.append(CheckDiagnostic("code question \(question.id) has no checks: nothing could earn its code points", at: CheckLocation(question.location)))
                }
                specs.append(spec)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard diagnostics.isEmpty else { throw CheckSchemaError(diagnostics) }
        return specs
    }
}
