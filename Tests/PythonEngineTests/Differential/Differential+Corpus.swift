import Foundation

extension Differential {
    /// The corpus as shipped in the test bundle (`Corpus` is a `.copy` resource of
    /// PythonEngineTests, so edits reach the tests on the next build).
    struct Corpus: Sendable {
        let root: URL
        let snippets: [Snippet]
        /// Every `.expected` file, as corpus paths (the rules test pairs them with snippets).
        let expectationPaths: [String]
        /// Files that are neither snippets, expectations nor the known documentation files.
        let strayPaths: [String]

        static let knownGapsFile = "KNOWN_GAPS.txt"

        enum LoadError: Error, CustomStringConvertible {
            case notInBundle
            case unreadable(String, any Error)

            var description: String {
                switch self {
                case .notInBundle: "the Corpus resource folder is missing from the test bundle"
                case .unreadable(let path, let error): "cannot read \(path): \(error)"
                }
            }
        }

        /// Loaded once for the whole run; parameterized tests take their arguments from it.
        static let shared: Result<Corpus, LoadError> = Result { try Corpus.loadFromBundle() }
            .mapError { $0 as? LoadError ?? .unreadable("Corpus", $0) }

        /// The snippets of `shared`, or none when it failed to load (the rules test then fails).
        static var sharedSnippets: [Snippet] { (try? shared.get())?.snippets ?? [] }

        static func loadFromBundle() throws -> Corpus {
            guard let url = Bundle.module.url(forResource: "Corpus", withExtension: nil) else {
                throw LoadError.notInBundle
            }
            return try Corpus(root: url)
        }

        init(root: URL) throws {
            self.root = root.standardizedFileURL
            var snippets: [Snippet] = []
            var expectations: [String] = []
            var stray: [String] = []
            let fm = FileManager.default
            guard let walker = fm.enumerator(at: self.root, includingPropertiesForKeys: [.isRegularFileKey]) else {
                throw LoadError.unreadable(root.path, CocoaError(.fileReadUnknown))
            }
            let rootPath = self.root.path.hasSuffix("/") ? self.root.path : self.root.path + "/"
            for case let url as URL in walker {
                let isFile = (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) ?? false
                guard isFile else { continue }
                let path = url.standardizedFileURL.path
                let relative = path.hasPrefix(rootPath) ? String(path.dropFirst(rootPath.count)) : url.lastPathComponent
                let top = relative.split(separator: "/").first.map(String.init) ?? ""
                let folder = Folder(rawValue: top)
                switch (url.pathExtension, folder) {
                case ("py", let folder?):
                    // Decoded leniently: some snippets are deliberately not valid UTF-8.
                    let source: String
                    do { source = String(decoding: try Data(contentsOf: url), as: UTF8.self) } catch {
                        throw LoadError.unreadable(relative, error)
                    }
                    snippets.append(Snippet(relativePath: relative, folder: folder, fileURL: url,
                                            directives: Directives(source: source)))
                case ("expected", .some):
                    expectations.append(relative)
                default:
                    if relative != "README.md" && relative != Self.knownGapsFile { stray.append(relative) }
                }
            }
            self.snippets = snippets.sorted { $0.relativePath < $1.relativePath }
            self.expectationPaths = expectations.sorted()
            self.strayPaths = stray.sorted()
        }

        func snippets(in folder: Folder) -> [Snippet] { snippets.filter { $0.folder == folder } }

        func knownGaps() throws -> KnownGaps {
            let url = root.appendingPathComponent(Self.knownGapsFile)
            guard FileManager.default.fileExists(atPath: url.path) else { return KnownGaps(text: "") }
            do { return KnownGaps(text: try String(contentsOf: url, encoding: .utf8)) } catch {
                throw LoadError.unreadable(Self.knownGapsFile, error)
            }
        }
    }
}
