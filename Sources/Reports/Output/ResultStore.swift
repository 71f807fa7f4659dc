import Foundation

/// The per-submission result files a batch writes as it goes (`reports/results/<name>.json`).
///
/// The pipeline writes each sheet's result the moment it is graded, atomically, so a crash,
/// a timeout or Ctrl-C loses nothing already graded, and shards graded on different machines
/// never write the same file (names carry a hash of the sheet's path, see
/// `ReportNaming.resultFileName`). Each file is itself a complete `results.json` holding one
/// submission, so any tool that reads the contract reads these too.
public struct ResultStore: Sendable {
    /// The directory holding the per-submission files.
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// The store inside a reports directory (`<reports>/results`).
    public init(reportsDirectory: URL) {
        self.directory = ReportLayout(root: reportsDirectory).resultsDirectory
    }

    /// Where the result for a sheet lives.
    public func url(for file: String) -> URL {
        directory.appendingPathComponent(ReportNaming.resultFileName(for: file))
    }

    /// Writes one sheet's result atomically and returns the file written. `durable: false`
    /// skips the `fsync`, for a caller that hands the file to a `BackgroundFlusher`.
    @discardableResult
    public func write(
        _ submission: SubmissionResult,
        rubric: String,
        graderVersion: String? = nil,
        generatedAt: String? = nil,
        durable: Bool = true
    ) throws -> URL {
        let batch = BatchResult(rubric: rubric, submissions: [submission], graderVersion: graderVersion, generatedAt: generatedAt)
        let url = url(for: submission.file)
        try AtomicFile.write(ResultsJSONWriter.encode(batch), to: url, durable: durable)
        return url
    }

    /// Writes a sheet's result already in its stored form (the bytes `write(_:rubric:...)`
    /// would write, made by whoever graded it) and returns the file written.
    @discardableResult
    public func write(encoded bytes: Data, file: String, durable: Bool = true) throws -> URL {
        let url = url(for: file)
        try AtomicFile.write(bytes, to: url, durable: durable)
        return url
    }

    /// The stored result for a sheet, or `nil` when it has none yet. The pipeline compares its
    /// `fingerprint` (and the batch's rubric) to decide whether a rerun can skip the sheet.
    public func existing(file: String) throws -> (rubric: String, submission: SubmissionResult)? {
        let url = url(for: file)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let batch = try ResultStore.read(url)
        guard let submission = batch.submissions.first(where: { $0.file == file }) else { return nil }
        return (batch.rubric, submission)
    }

    /// Removes a sheet's stored result (a sheet withdrawn from the batch). No error if absent.
    public func remove(file: String) throws {
        let url = url(for: file)
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            throw ReportError.writeFailed(path: url.path, reason: "cannot remove: \(error.localizedDescription)")
        }
    }

    /// Removes stored results of sheets not in `files`, and returns the sheets removed. Only for
    /// a run that sees the whole batch: a shard sharing the directory would delete the results
    /// of the other shards.
    @discardableResult
    public func prune(keeping files: Set<String>) throws -> [String] {
        guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
        var removed: [String] = []
        for url in try ResultStore.jsonFiles(in: directory) {
            let stored = try ResultStore.read(url).submissions.map(\.file)
            guard !stored.contains(where: files.contains) else { continue }
            do {
                try FileManager.default.removeItem(at: url)
            } catch {
                throw ReportError.writeFailed(path: url.path, reason: "cannot remove: \(error.localizedDescription)")
            }
            removed += stored
        }
        return removed.sorted()
    }

    /// Every result in the store, merged into one batch (sorted by file).
    public func readAll() throws -> BatchResult {
        let files = try ResultStore.jsonFiles(in: directory)
        guard !files.isEmpty else { throw ReportError.noResults(searched: [directory.path]) }
        return try BatchResult.merge(sourced: files.map { (try ResultStore.read($0), $0.path) })
    }

    /// Reads one results file (a `results.json` or a per-submission file).
    public static func read(_ url: URL) throws -> BatchResult {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ReportError.readFailed(path: url.path, reason: error.localizedDescription)
        }
        return try ResultsJSONWriter().decode(data, source: url.path)
    }

    /// The `.json` files directly in a directory, sorted by name, skipping hidden and temporary
    /// files (an interrupted atomic write leaves `.<name>.tmp`, never a partial `.json`).
    static func jsonFiles(in directory: URL) throws -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw ReportError.readFailed(path: directory.path, reason: error.localizedDescription)
        }
        return names
            .filter { !$0.hasPrefix(".") && $0.hasSuffix(".json") }
            .sorted()
            .map { directory.appendingPathComponent($0) }
    }
}

extension BatchResult {
    /// Reads and merges results from files and directories, for `grader merge DIR...`.
    ///
    /// A directory is read as, in this order of preference: a reports directory with a
    /// `results/` folder of per-submission files; a directory holding a `results.json`; or a
    /// directory of per-submission `.json` files. A file is read as a results file. Later
    /// paths win for a sheet that appears twice (see `merge(_:)`).
    public static func load(from paths: [URL]) throws -> BatchResult {
        var parts: [(batch: BatchResult, source: String)] = []
        for path in paths {
            for file in try resultFiles(at: path) {
                parts.append((try ResultStore.read(file), file.path))
            }
        }
        guard !parts.isEmpty else { throw ReportError.noResults(searched: paths.map(\.path)) }
        return try merge(sourced: parts)
    }

    static func resultFiles(at path: URL) throws -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
            throw ReportError.readFailed(path: path.path, reason: "no such file or directory")
        }
        guard isDirectory.boolValue else { return [path] }
        let layout = ReportLayout(root: path)
        var sub: ObjCBool = false
        if FileManager.default.fileExists(atPath: layout.resultsDirectory.path, isDirectory: &sub), sub.boolValue {
            return try ResultStore.jsonFiles(in: layout.resultsDirectory)
        }
        if FileManager.default.fileExists(atPath: layout.resultsJSON.path) {
            return [layout.resultsJSON]
        }
        return try ResultStore.jsonFiles(in: path)
    }
}
