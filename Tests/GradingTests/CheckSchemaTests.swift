import Testing
@testable import Grading

/// Builds `checks:` entries as the rubric would hand them over.
enum Nodes {
    static func at(_ line: Int, _ column: Int = 7) -> CheckLocation { CheckLocation(file: "r.yaml", line: line, column: column) }
    static func s(_ text: String, _ line: Int = 1) -> CheckNode { .scalar(text, at(line)) }
    static func map(_ pairs: [(String, CheckNode)], _ line: Int = 1) -> CheckNode { .mapping(pairs.map { (key: $0.0, value: $0.1) }, at(line)) }
    static func check(_ kind: String, _ params: [(String, CheckNode)], line: Int = 1) -> CheckNode {
        map([(kind, map(params, line))], line)
    }
}

@Suite struct CheckSchemaTests {
    @Test func parsesEveryKind() throws {
        let set = try CheckSet.parse([
            Nodes.check("runs", [("points", Nodes.s("0.5")), ("feedback", Nodes.s("Make it run."))]),
            Nodes.check("output_contains", [("literal", Nodes.s("[0, 1, 4]")), ("points", Nodes.s("1")), ("hidden", Nodes.s("true"))]),
            Nodes.check("output_contains", [("text", Nodes.s("done")), ("points", Nodes.s("1"))]),
            Nodes.check("distinct_lines", [("min", Nodes.s("4")), ("points", Nodes.s("1")), ("partial", Nodes.s("false"))]),
            Nodes.check("processes", [("min", Nodes.s("4")), ("printing", Nodes.s("4")), ("distinct", Nodes.s("true")), ("points", Nodes.s("1"))]),
            Nodes.check("pool", [("points", Nodes.s("1"))]),
            Nodes.check("uses", [("api", .sequence([Nodes.s("multiprocessing.Pool"), Nodes.s(".map")], Nodes.at(1))), ("all", Nodes.s("true")), ("points", Nodes.s("1"))]),
            Nodes.check("recorded_matches", [("order", Nodes.s("any")), ("points", Nodes.s("0.5"))]),
            Nodes.map([("repair_credit", Nodes.s("0.25"))]),
        ])
        #expect(set.checks.count == 8)
        #expect(set.repairCredit == 0.25)
        #expect(set.totalPoints == 7)
        #expect(set.checks[0].feedback == "Make it run.")
        #expect(set.checks[1].hidden)
        #expect(set.checks[3].partialCredit == false)
        #expect(set.checks[4].kind == .processes(min: 4, printing: 4, distinct: true))
        #expect(set.checks[5].kind == .pool(minTasks: 1))
        #expect(set.checks[6].kind == .uses(APIRequirement(apis: ["multiprocessing.Pool", ".map"], all: true)))
        #expect(set.checks[7].kind == .recordedMatches(order: .any))
        #expect(CheckSet(checks: []).repairCredit == 0.5)
    }

    @Test func reportsEveryMistakeWithItsPlace() {
        do {
            _ = try CheckSet.parse([
                Nodes.check("runz", [("points", Nodes.s("1"))], line: 3),
                Nodes.check("processes", [("points", Nodes.s("1")), ("mni", Nodes.s("4", 5))], line: 4),
                Nodes.check("output_contains", [("literal", Nodes.s("[1, 2", 6)), ("points", Nodes.s("1"))], line: 6),
                Nodes.check("uses", [("api", Nodes.s("multiprocessing Pool", 7)), ("points", Nodes.s("x", 7))], line: 7),
                Nodes.s("runs", 8),
                Nodes.map([("repair_credit", Nodes.s("2", 9))], 9),
            ])
            Issue.record("expected an error")
        } catch {
            let text = error.description
            #expect(text.contains("r.yaml:3:7: unknown check \"runz\"; did you mean \"runs\"?"))
            #expect(text.contains("r.yaml:5:7: unknown parameter \"mni\" for check \"processes\"; did you mean \"min\"?"))
            #expect(text.contains("r.yaml:4:7: check \"processes\" needs `min:`"))
            #expect(text.contains("r.yaml:6:7: \"[1, 2\" is not a Python literal"))
            #expect(text.contains("r.yaml:7:7: \"multiprocessing Pool\" is not an API name"))
            #expect(text.contains("r.yaml:7:7: points must be a number"))
            #expect(text.contains("r.yaml:8:7: check \"runs\" needs its points"))
            #expect(text.contains("r.yaml:9:7: repair_credit must be a number from 0 to 1"))
        }
    }
}
