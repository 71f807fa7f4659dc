extension BatchResult {
    /// Submissions below a percentage of their max, for `grader grade --fail-under PERCENT`.
    /// A sheet that could not be graded counts as below any threshold: a CI run must not pass
    /// because a sheet crashed the reader.
    public func submissions(below percent: Double) -> [SubmissionResult] {
        submissions.filter { !$0.succeeded || ScoreValue.round($0.percent) + ScoreValue.tolerance < percent }
    }

    /// Submissions whose grading failed (`error` is set).
    public var failedSubmissions: [SubmissionResult] {
        submissions.filter { !$0.succeeded }
    }
}
