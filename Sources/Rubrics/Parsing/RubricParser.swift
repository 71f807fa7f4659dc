import Foundation
import Yams

/// Reads a rubric from YAML, reporting every problem with its `file:line:column`.
///
/// Why the Node API rather than `Codable`: a decoder stops at the first error and loses the
/// position of a value; authors need all the problems at once, each pointing at its line.
public enum RubricParser {
    /// Reads and validates the rubric at `path`. The path as given is used in diagnostics.
    public static func load(path: String) throws(RubricError) -> Rubric {
        try require(loadCollecting(path: path))
    }

    /// Parses and validates rubric YAML; `file` names it in diagnostics.
    public static func parse(yaml: String, file: String = "<rubric>") throws(RubricError) -> Rubric {
        try require(parseCollecting(yaml: yaml, file: file))
    }

    /// Like `load(path:)`, but returns what could be read alongside the problems instead of
    /// throwing, so later checks (ConceptScoring's phrase checks) can add theirs and the author
    /// sees every problem at once. The rubric is nil only when nothing usable was read; faulty
    /// questions and concepts are left out of it.
    public static func loadCollecting(path: String) -> (rubric: Rubric?, diagnostics: [RubricDiagnostic]) {
        do {
            return parseCollecting(yaml: try String(contentsOfFile: path, encoding: .utf8), file: path)
        } catch {
            return (nil, [RubricDiagnostic("cannot read rubric: \(error.localizedDescription)",
                                           at: SourceLocation(file: path, line: 1, column: 1))])
        }
    }

    /// Like `parse(yaml:file:)`, returning the problems instead of throwing them.
    public static func parseCollecting(yaml: String, file: String = "<rubric>") -> (rubric: Rubric?, diagnostics: [RubricDiagnostic]) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                return (nil, [RubricDiagnostic("the rubric is empty", at: start)])
            }
            root = node
        } catch let error as YamlError {
            return (nil, [diagnostic(for: error, file: file)])
        } catch {
            return (nil, [RubricDiagnostic("malformed YAML: \(error)", at: start)])
        }
        var reader = NodeReader(file: file)
        let rubric = RubricBuilder.rubric(from: root, reader: &reader)
        var diagnostics = reader.diagnostics
        if let rubric { diagnostics += RubricValidator.problems(in: rubric) }
        if rubric == nil, diagnostics.isEmpty { diagnostics.append(RubricDiagnostic("not a rubric", at: reader.location(of: root))) }
        return (rubric, diagnostics)
    }

    private static func require(_ result: (rubric: Rubric?, diagnostics: [RubricDiagnostic])) throws(RubricError) -> Rubric {
        guard let rubric = result.rubric, result.diagnostics.isEmpty else { throw RubricError(result.diagnostics) }
        return rubric
    }

    /// A libyaml error as a diagnostic at the position libyaml blames.
    static func diagnostic(for error: YamlError, file: String) -> RubricDiagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        func withContext(_ problem: String, _ context: YamlError.Context?) -> String {
            guard let context else { return problem }
            return "\(problem) (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
        }
        switch error {
        case .scanner(let context, let problem, let mark, _):
            return RubricDiagnostic("malformed YAML: \(withContext(problem, context))", at: at(mark))
        case .parser(let context, let problem, let mark, _):
            return RubricDiagnostic("malformed YAML: \(withContext(problem, context))", at: at(mark))
        case .composer(let context, let problem, let mark, _):
            return RubricDiagnostic("malformed YAML: \(withContext(problem, context))", at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return RubricDiagnostic("duplicate key \(keys) in the same mapping", at: at(context.mark))
        case .reader(let problem, let offset, _, let yaml):
            return RubricDiagnostic("unreadable text: \(problem)", at: location(ofCharacterOffset: offset, in: yaml, file: file))
        default:
            return RubricDiagnostic("malformed YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    private static func location(ofCharacterOffset offset: Int?, in text: String, file: String) -> SourceLocation {
        guard let offset else { return SourceLocation(file: file, line: 1, column: 1) }
        var line = 1, column = 1
        for character in text.prefix(offset) {
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
