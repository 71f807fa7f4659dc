import Foundation
import Rubrics
import Testing
@testable import Grading

@Suite struct RubricAdapterTests {
    @Test func checksAreReadFromTheRubricWithTheirPlaces() throws {
        let yaml = """
        assignment: multiprocessing
        questions:
          - id: Q3
            kind: code
            points: 2
            checks:
              - runs: {points: 1}
              - processes: {min: 1, points: 1}
              - repair_credit: 0.25
        """
        let rubric = try RubricParser.parse(yaml: yaml, file: "r.yaml")
        let specs = try QuestionSpec.all(in: rubric)
        #expect(specs.count == 1)
        #expect(specs[0].kind == .code)
        #expect(specs[0].codeMax == 2)
        #expect(specs[0].checks.checks.map(\.kind) == [.runs, .processes(min: 1, printing: nil, distinct: false)])
        #expect(specs[0].checks.repairCredit == 0.25)
    }

    @Test func badChecksAreReportedWithLineAndColumn() throws {
        let yaml = """
        assignment: multiprocessing
        questions:
          - id: Q3
            kind: code
            points: 2
            checks:
              - runs: {points: 1}
              - procesess: {min: 1, points: 1}
        """
        let rubric = try RubricParser.parse(yaml: yaml, file: "r.yaml")
        do {
            _ = try QuestionSpec.all(in: rubric)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("r.yaml:8:"))
            #expect(error.description.contains("did you mean \"processes\"?"))
        }
    }

    @Test func theRepositoryRubricLoads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let setup = try GradingSetup.load(rubricPath: root.appendingPathComponent("rubrics/multiprocessing.yaml").path, assignment: root.appendingPathComponent("assignments/multiprocessing.md").path)
        #expect(setup.questions.map(\.id) == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"])
        for spec in setup.questions where spec.kind.hasCode {
            #expect(abs(spec.checks.totalPoints - spec.codeMax) < 1e-9, "\(spec.id): checks add up to \(spec.checks.totalPoints), code share \(spec.codeMax)")
        }
    }
}
