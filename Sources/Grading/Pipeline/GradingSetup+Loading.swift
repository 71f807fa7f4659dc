import AnswerSheets
import ConceptScoring
import Foundation
import ProcessRuntime
import Rubrics

extension GradingSetup {
    /// Reads the rubric at `path` and builds the grading pieces for it: the sheet reader (for the
    /// rubric's assignment), the prose scorer, the sandboxed engine with `limits`, the AST
    /// analyser. Throws `SetupError` (exit status 65) for a rubric that cannot be used, listing
    /// every problem as `file:line:column: message`.
    ///
    /// The assignment file is `assignment` when given, else `<assignment>.md` in the
    /// `assignments/` folder beside the rubric's folder, else in `assignments/` here.
    public static func load(rubricPath path: String, assignment: String? = nil, limits: SandboxLimits = SandboxLimits()) throws(SetupError) -> GradingSetup {
        let rubricData: Data
        do {
            rubricData = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SetupError("\(path): cannot read the rubric: \(error.localizedDescription)")
        }
        let scorer: ConceptScorer
        do {
            scorer = try ConceptScorer.load(path: path)
        } catch {
            throw SetupError(error.description)
        }
        let questions: [QuestionSpec]
        do {
            questions = try QuestionSpec.all(in: scorer.rubric)
        } catch {
            throw SetupError(error.description)
        }
        let assignmentURL = assignment.map { URL(fileURLWithPath: $0) } ?? locateAssignment(named: scorer.rubric.assignment, rubricPath: path)
        let loaded: Assignment
        do {
            loaded = try Assignment.load(from: assignmentURL)
        } catch {
            throw SetupError("\(error) (the rubric's assignment \"\(scorer.rubric.assignment)\"; pass --assignment FILE)")
        }
        return GradingSetup(
            rubricName: path, rubricData: rubricData, questions: questions,
            source: AnswerSheetSource(reader: SheetReader(assignment: loaded)),
            prose: ConceptProseScorer(scorer: scorer),
            runner: EngineAvailability.runner(limits: limits),
            analyzer: EngineAvailability.analyzer
        )
    }

    static func locateAssignment(named name: String, rubricPath: String) -> URL {
        let rubricDirectory = URL(fileURLWithPath: rubricPath).deletingLastPathComponent()
        let besideRubric = rubricDirectory.deletingLastPathComponent().appendingPathComponent("assignments/\(name).md")
        if FileManager.default.fileExists(atPath: besideRubric.path) { return besideRubric }
        return URL(fileURLWithPath: "assignments/\(name).md")
    }
}
