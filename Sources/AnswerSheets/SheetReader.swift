import Foundation

/// Reads answer sheets: bytes in, `AnswerSheet` out.
///
/// The pipeline, one type per step:
/// `SheetDecoder` (bytes → text) → `LineSplitter` (text → numbered lines) →
/// `PageFurnitureFilter` (drop print headers/footers) → `ScriptExportConverter` (only for
/// notebooks saved as .py) → `TextSegmenter` (lines → blocks, using `LineClassifier`,
/// `HeadingRecognizer`, `CodeRecognizer`, `CodeCellTracker`, `OutputRecognizer`,
/// `TracebackRecognizer`, `ProseScorer`) → `SheetAssembler` (blocks → questions, prose markup
/// stripped for scoring by `MarkupStripper`). Notebooks take `NotebookReader` instead of the
/// line steps; their Markdown cells still go through `TextSegmenter`.
public struct SheetReader: Sendable {
    public struct Options: Sendable, Equatable {
        /// Sheets larger than this are refused (a runaway export, a video renamed .txt).
        public var maxBytes: Int

        public static let defaultMaxBytes = 5 * 1024 * 1024

        public init(maxBytes: Int = Options.defaultMaxBytes) {
            self.maxBytes = maxBytes
        }
    }

    public let assignment: Assignment
    public let options: Options

    public init(assignment: Assignment, options: Options = Options()) {
        self.assignment = assignment
        self.options = options
    }

    /// Reads the sheet at `url`. `name` is what the model and messages call it (defaults to
    /// the path as given).
    public func read(fileAt url: URL, name: String? = nil) throws(SheetReadError) -> AnswerSheet {
        let file = name ?? url.path
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if let type = attributes[.type] as? FileAttributeType, type == .typeDirectory {
                throw SheetReadError(file: file, kind: .unreadable, reason: "is a directory, not an answer sheet")
            }
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch let error as SheetReadError {
            throw error
        } catch {
            throw SheetReadError(file: file, kind: .unreadable, reason: "cannot be read (\(Self.describe(error)))")
        }
        try checkSize(size, file: file)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SheetReadError(file: file, kind: .unreadable, reason: "cannot be read (\(Self.describe(error)))")
        }
        return try read(data: data, name: file)
    }

    /// Reads a sheet from its bytes; `name` is used in the model, for format detection (its
    /// extension) and in messages.
    public func read(data: Data, name: String) throws(SheetReadError) -> AnswerSheet {
        try checkSize(data.count, file: name)
        if data.isEmpty {
            return AnswerSheet(file: name, questions: [], warnings: ["the sheet is empty"], format: Self.format(of: name), encoding: "utf-8")
        }
        let decoded = try SheetDecoder().decode(data, file: name)
        var warnings = decoded.warnings
        let headings = HeadingRecognizer(assignment: assignment)
        let blocks: [SheetBlock]
        let format: SheetFormat
        if NotebookReader.looksLikeNotebook(name: name, text: decoded.text) {
            let notebook = try NotebookReader(headings: headings).blocks(from: decoded.text, file: name)
            blocks = notebook.blocks
            warnings += notebook.warnings
            format = .notebook
        } else {
            if name.lowercased().hasSuffix(".ipynb") {
                warnings.append("named .ipynb but not notebook JSON; read as text")
            }
            let lines = LineSplitter.split(decoded.text)
            let filtered = PageFurnitureFilter().filter(lines)
            if !filtered.removed.isEmpty {
                let numbers = filtered.removed.map { String($0.number) }
                let shown = numbers.count > 6 ? numbers.prefix(6).joined(separator: ", ") + ", ..." : numbers.joined(separator: ", ")
                warnings.append("removed \(numbers.count) page header/footer line(s) left by printing (line \(shown))")
            }
            var textLines = filtered.lines
            if ScriptExportConverter.isScriptExport(textLines) {
                textLines = ScriptExportConverter().convert(textLines)
                warnings.append("read as a notebook saved as a Python script (`# In[n]:` cell markers)")
            }
            var segmenter = TextSegmenter(headings: headings)
            segmenter.process(textLines)
            blocks = segmenter.blocks
            format = Self.format(of: name) == .notebook ? .text : Self.format(of: name)
        }
        let assembled = SheetAssembler(assignment: assignment).assemble(blocks)
        return AnswerSheet(
            file: name, questions: assembled.questions, preamble: assembled.preamble,
            warnings: warnings + assembled.warnings, format: format, encoding: decoded.encoding)
    }

    private func checkSize(_ size: Int, file: String) throws(SheetReadError) {
        guard size > options.maxBytes else { return }
        throw SheetReadError(file: file, kind: .tooLarge, reason: "is \(Self.humanSize(size)), over the \(Self.humanSize(options.maxBytes)) limit for a sheet (raise it with --max-bytes)")
    }

    static func format(of name: String) -> SheetFormat {
        let lower = name.lowercased()
        if lower.hasSuffix(".ipynb") { return .notebook }
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .markdown }
        return .text
    }

    static func humanSize(_ bytes: Int) -> String {
        if bytes >= 1024 * 1024 {
            let mb = Double(bytes) / (1024 * 1024)
            return mb == mb.rounded() ? "\(Int(mb)) MB" : String(format: "%.1f MB", mb)
        }
        if bytes >= 1024 { return "\(bytes / 1024) KB" }
        return "\(bytes) bytes"
    }

    private static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain && nsError.code == NSFileReadNoSuchFileError { return "no such file" }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError { return underlying.localizedDescription }
        return nsError.localizedDescription
    }
}
