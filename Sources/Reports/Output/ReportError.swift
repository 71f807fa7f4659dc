/// What can go wrong writing or reading reports, each naming the file involved.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    /// A results file is not valid JSON or does not follow the contract.
    case invalidResults(source: String, reason: String)
    /// Shards graded against different rubrics cannot be merged into one gradebook.
    case rubricMismatch(expected: String, found: String, source: String)
    /// A file or directory could not be written.
    case writeFailed(path: String, reason: String)
    /// A file or directory could not be read.
    case readFailed(path: String, reason: String)
    /// Nothing to merge: no result files were found.
    case noResults(searched: [String])
    /// A report format name that does not exist (`--format`).
    case unknownFormat(String, valid: [String])

    public var description: String {
        switch self {
        case .invalidResults(let source, let reason):
            return "\(source): not a valid results file: \(reason)"
        case .rubricMismatch(let expected, let found, let source):
            return "\(source): graded against rubric \"\(found)\", but the other results use \"\(expected)\"; results graded against different rubrics cannot be merged"
        case .writeFailed(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .readFailed(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .noResults(let searched):
            return searched.isEmpty ? "no results to merge" : "no result files found in \(searched.joined(separator: ", "))"
        case .unknownFormat(let name, let valid):
            return "unknown report format \"\(name)\"; valid formats: \(valid.joined(separator: ", "))"
        }
    }
}
