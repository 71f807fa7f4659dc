import Foundation
import ProcessRuntime

extension GradingSetup {
    /// Reads the rubric at `path` and builds the grading pieces for it: the sheet reader, the
    /// prose scorer, the sandboxed engine with `limits`, the AST analyser. Throws `SetupError`
    /// (exit status 65) for a rubric that cannot be used, listing every problem.
    public static func load(rubricPath path: String, assignment: String? = nil, limits: SandboxLimits = SandboxLimits()) throws(SetupError) -> GradingSetup {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SetupError("\(path): no such rubric file")
        }
        throw SetupError("\(path): this build cannot read rubrics yet: the Rubrics and AnswerSheets layers have not been merged")
    }
}
