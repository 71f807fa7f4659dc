/// Limits on how much untrusted text a student-facing report shows.
///
/// The sandbox caps a run's output bytes, but a cap sized for running code (megabytes) is far
/// more than a feedback page should carry: a sheet that floods output would make a page nobody
/// can read and a Gradescope result over its size limit. `results.json` keeps the full text;
/// the feedback writers show the start and say how much was left out.
enum DisplayText {
    static let outputLimit = 20_000
    static let codeLimit = 50_000
    static let valueLimit = 4_000
    static let quoteLimit = 400

    static func clip(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        let kept = text.prefix(limit)
        let omitted = text.count - limit
        return kept + (kept.hasSuffix("\n") ? "" : "\n") + "… (\(omitted) more characters not shown)\n"
    }

    /// Clips an inline value without adding a line break (quotes, names).
    static func clipInline(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        return text.prefix(limit) + " … (\(text.count - limit) more characters)"
    }
}
