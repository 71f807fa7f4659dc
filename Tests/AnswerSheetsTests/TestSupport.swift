import Foundation
import Testing
@testable import AnswerSheets

/// Shared helpers: the package root (found from this file's path, so tests work from any
/// working directory), the real assignment file, fixtures from the test bundle.
enum TestSupport {
    struct MissingFixture: Error, CustomStringConvertible {
        var name: String
        var description: String { "fixture \(name) is missing from the test bundle" }
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // AnswerSheetsTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root

    static let seedsDirectory = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")

    static var seedsPresent: Bool {
        FileManager.default.fileExists(atPath: seedsDirectory.appendingPathComponent("sheet-a.txt").path)
    }

    static func assignment() throws -> Assignment {
        try Assignment.load(from: packageRoot.appendingPathComponent("assignments/multiprocessing.md"))
    }

    static func reader(maxBytes: Int = SheetReader.Options.defaultMaxBytes) throws -> SheetReader {
        SheetReader(assignment: try assignment(), options: .init(maxBytes: maxBytes))
    }

    static func fixtureURL(_ name: String) throws -> URL {
        guard let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { throw MissingFixture(name: "Fixtures/") }
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { throw MissingFixture(name: name) }
        return url
    }

    static func readFixture(_ name: String) throws -> AnswerSheet {
        try reader().read(fileAt: try fixtureURL(name), name: name)
    }

    static func read(_ text: String, name: String = "inline.txt") throws -> AnswerSheet {
        try reader().read(data: Data(text.utf8), name: name)
    }

    static func readSubmission(_ name: String) throws -> AnswerSheet {
        try reader().read(fileAt: packageRoot.appendingPathComponent("submissions/\(name)"), name: name)
    }

    static func readSeed(_ name: String) throws -> AnswerSheet {
        try reader().read(fileAt: seedsDirectory.appendingPathComponent(name), name: name)
    }
}

extension AnswerSheet {
    /// The ids of the questions found, in order.
    var ids: [String] { questions.map(\.id) }
}
