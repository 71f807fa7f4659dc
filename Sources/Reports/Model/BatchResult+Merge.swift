/// Combining results graded separately (shards of one batch, or per-submission result files)
/// into one batch.
extension BatchResult {
    /// Merges batches graded against the same rubric.
    ///
    /// - Submissions are keyed by `file`; when the same sheet appears more than once (a shard
    ///   rerun, an overlapping directory) the one from the later part wins, so passing newer
    ///   results last gives the newer grade.
    /// - The result lists submissions sorted by `file`, so merging shards in any order gives the
    ///   same batch, and the same bytes in `results.json`.
    /// - `generated_at` is the latest of the parts; `grader_version` the last one given.
    ///
    /// Throws `ReportError.noResults` for an empty list and `ReportError.rubricMismatch` when
    /// parts name different rubrics (their scores would not be comparable).
    public static func merge(_ parts: [BatchResult]) throws -> BatchResult {
        try merge(sourced: parts.map { ($0, "results") })
    }

    /// `merge(_:)` with the source of each part, so a rubric mismatch names the file.
    static func merge(sourced parts: [(batch: BatchResult, source: String)]) throws -> BatchResult {
        guard let first = parts.first else { throw ReportError.noResults(searched: []) }
        var byFile: [String: SubmissionResult] = [:]
        var graderVersion: String?
        var generatedAt: String?
        for (batch, source) in parts {
            guard batch.rubric == first.batch.rubric else {
                throw ReportError.rubricMismatch(expected: first.batch.rubric, found: batch.rubric, source: source)
            }
            for submission in batch.submissions {
                byFile[submission.file] = submission
            }
            graderVersion = batch.graderVersion ?? graderVersion
            if let time = batch.generatedAt, time > (generatedAt ?? "") { generatedAt = time }
        }
        return BatchResult(
            rubric: first.batch.rubric,
            submissions: byFile.values.sorted { $0.file < $1.file },
            graderVersion: graderVersion,
            generatedAt: generatedAt
        )
    }
}
