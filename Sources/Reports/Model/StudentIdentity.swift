/// Who a sheet belongs to, read from its file name.
///
/// LMS bulk downloads encode the student in the file name, so that is where the gradebook's
/// `Student` and `ID` columns come from unless the pipeline knows better:
/// - Canvas: `smithjohn_12345_6789012_hw1.ipynb`, or `smithjohn_LATE_12345_6789012_hw1.ipynb`
///   (name as Canvas lowercases it, then the Canvas user id, then the submission id);
/// - Moodle: `John Smith_123456_assignsubmission_file_hw1.ipynb`, or the same prefix as the
///   folder name when downloaded "in folders" (the number is Moodle's participant id);
/// - anything else: the file name without its extension, and no id.
public struct StudentIdentity: Sendable, Equatable {
    public var name: String
    public var id: String?

    public init(name: String, id: String?) {
        self.name = name
        self.id = id
    }

    public init(path: String) {
        let components = path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).map(String.init)
        let fileName = components.last ?? path
        let stem = StudentIdentity.stem(of: fileName)
        if let moodle = StudentIdentity.moodle(stem) {
            self = moodle
        } else if components.count >= 2, let moodle = StudentIdentity.moodle(components[components.count - 2]) {
            self = moodle
        } else if let canvas = StudentIdentity.canvas(stem) {
            self = canvas
        } else {
            self.init(name: stem.isEmpty ? fileName : stem, id: nil)
        }
    }

    /// The file name without its last extension (`sheet.ipynb` → `sheet`; `.hidden` stays).
    static func stem(of fileName: String) -> String {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return fileName }
        return String(fileName[..<dot])
    }

    private static func isNumber(_ s: Substring) -> Bool {
        !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func canvas(_ stem: String) -> StudentIdentity? {
        let parts = stem.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count >= 3, !parts[0].isEmpty else { return nil }
        var i = 1
        if parts[1].lowercased() == "late" { i = 2 }
        guard parts.count > i + 1, isNumber(parts[i]), isNumber(parts[i + 1]) else { return nil }
        return StudentIdentity(name: String(parts[0]), id: String(parts[i]))
    }

    static func moodle(_ text: String) -> StudentIdentity? {
        guard let marker = text.range(of: "_assignsubmission_") else { return nil }
        let prefix = text[..<marker.lowerBound]
        guard let underscore = prefix.lastIndex(of: "_") else { return nil }
        let name = prefix[..<underscore]
        let id = prefix[prefix.index(after: underscore)...]
        guard !name.isEmpty, isNumber(id) else { return nil }
        return StudentIdentity(name: String(name), id: String(id))
    }
}
