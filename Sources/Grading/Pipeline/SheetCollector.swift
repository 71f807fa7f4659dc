import Foundation

/// Turns the paths given to `grader grade` into the sheets of a batch.
///
/// A file is taken as it is. A directory is searched recursively for sheets: files ending in
/// `.txt`, `.text`, `.md`, `.markdown` or `.ipynb`, skipping hidden files and folders and
/// `README` files (a submissions folder usually explains itself). Names are the paths as given
/// (joined with what was found below them), so results and reports name sheets the way the
/// user does.
public enum SheetCollector {
    public static let extensions: Set<String> = ["txt", "text", "md", "markdown", "ipynb"]

    public static func collect(_ paths: [String]) throws(SetupError) -> [BatchGrader.Sheet] {
        var sheets: [BatchGrader.Sheet] = []
        var seen = Set<String>()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw SetupError("\(path): no such file or directory")
            }
            if !isDirectory.boolValue {
                if seen.insert(path).inserted { sheets.append(BatchGrader.Sheet(file: path, url: URL(fileURLWithPath: path))) }
                continue
            }
            for relative in try files(under: path) {
                let file = path.hasSuffix("/") ? path + relative : path + "/" + relative
                if seen.insert(file).inserted { sheets.append(BatchGrader.Sheet(file: file, url: URL(fileURLWithPath: file))) }
            }
        }
        return sheets.sorted { $0.file < $1.file }
    }

    static func files(under directory: String) throws(SetupError) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw SetupError("\(directory): cannot list the directory")
        }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            let ext = (name as NSString).pathExtension.lowercased()
            guard extensions.contains(ext), !name.uppercased().hasPrefix("README") else { continue }
            var isDirectory: ObjCBool = false
            let full = (directory as NSString).appendingPathComponent(relative)
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            found.append(relative)
        }
        return found.sorted()
    }
}
