import Foundation
import Reports

/// A sheet's result as an executor hands it to the batch: the result, and when the executor
/// already has it, the exact bytes of its stored file (`ResultStore`'s one-submission
/// `results.json`), so the batch writes them as they are instead of encoding the result again.
///
/// Why: encoding a result as sorted, pretty-printed JSON costs the orchestrator about as much as
/// decoding it (≈ 1 ms a sheet), on the one thread every worker waits on. A worker grading the
/// sheet encodes it anyway (it is its answer), so it encodes it in its stored form.
public struct GradedSheet: Sendable {
    public var result: SubmissionResult
    /// The stored file's bytes, or nil for the batch to encode `result` itself.
    public var storedForm: Data?

    public init(result: SubmissionResult, storedForm: Data? = nil) {
        self.result = result
        self.storedForm = storedForm
    }
}

/// What a stored result file names besides the submission: the batch's rubric and the grader
/// version (`ResultStore.write`'s `rubric` and `graderVersion`).
public struct StoredResultLabels: Sendable, Equatable {
    public var rubric: String
    public var graderVersion: String

    public init(rubric: String, graderVersion: String) {
        self.rubric = rubric
        self.graderVersion = graderVersion
    }

    /// The stored form of a result, as `ResultStore.write` writes it.
    public func storedForm(of result: SubmissionResult) throws -> (result: SubmissionResult, bytes: Data) {
        let stored = Self.storable(result)
        let batch = BatchResult(rubric: rubric, submissions: [stored], graderVersion: graderVersion, generatedAt: BatchResult.timestamp())
        return (stored, try ResultsJSONWriter().render(batch))
    }

    /// A result as it is stored: a sheet that could not be graded keeps no fingerprint, so a
    /// rerun retries it.
    public static func storable(_ result: SubmissionResult) -> SubmissionResult {
        var stored = result
        if !stored.succeeded { stored.fingerprint = nil }
        return stored
    }
}
