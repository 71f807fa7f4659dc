import Foundation
import Rubrics

/// Loads a fixture rubric and returns its diagnostics as "line:column: message" strings
/// (empty when the rubric is valid).
func diagnostics(ofFixture name: String) -> [String] {
    guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "yaml") else {
        return ["fixture \(name) not found"]
    }
    do {
        _ = try RubricParser.load(path: url.path)
        return []
    } catch {
        return error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }
}

func fixture(_ name: String) throws -> Rubric {
    guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "yaml") else {
        throw RubricError([])
    }
    return try RubricParser.load(path: url.path)
}
