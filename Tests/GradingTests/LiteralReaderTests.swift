import Testing
@testable import Grading

@Suite struct LiteralReaderTests {
    let reader = LiteralReader()

    @Test func listMatchesHoweverSpaced() throws {
        let expected = try #require(reader.parse("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]"))
        for printed in ["[0,1,4,9,16,25,36,49,64,81]", "squares: [0,  1, 4, 9, 16,\n 25, 36, 49, 64, 81] done", "[0, 1, 4, 9, 16, 25, 36, 49, 64, 81,]"] {
            let found = reader.literals(in: printed)
            #expect(found.contains(expected), "\(printed)")
        }
        #expect(!reader.literals(in: "[0, 1, 4, 9, 16, 25, 36, 49, 64]").contains(expected))
        #expect(!reader.literals(in: "(0, 1, 4, 9, 16, 25, 36, 49, 64, 81)").contains(expected))
    }

    @Test func scalarsAndNesting() throws {
        #expect(reader.parse("42") == .int("42"))
        #expect(reader.parse("-007") == .int("-7"))
        #expect(reader.parse("4.0") == .int("4"))
        #expect(reader.parse("1e-05") == .float(0.00001))
        #expect(reader.parse("'it\\'s'") == .string("it's"))
        #expect(reader.parse("\"a\\nb\"") == .string("a\nb"))
        #expect(reader.parse("True") != .int("1"))
        #expect(reader.parse("None") == PythonLiteral.none)
        #expect(reader.parse("(1,)") == .tuple([.int("1")]))
        #expect(reader.parse("(1)") == .int("1"))
        #expect(reader.parse("{1: 'a', 2: 'b'}") == reader.parse("{2:'b',1:'a'}"))
        #expect(reader.parse("{3, 1, 2}") == reader.parse("{1, 2, 3}"))
        #expect(reader.parse("set()") == .set([]))
        #expect(reader.parse("{}") == .dict([]))
        #expect(reader.parse("[1, 2") == nil)
        #expect(reader.parse("print(1)") == nil)
        #expect(reader.parse("123456789012345678901234567890") == .int("123456789012345678901234567890"))
    }

    @Test func literalsNeedWordBoundaries() {
        #expect(reader.literals(in: "Process-1 finished") == [])
        #expect(reader.literals(in: "it's v1.2 or 3rd") == [])
        #expect(reader.literals(in: "Worker 3 got -2 and 'x'") == [.int("3"), .int("-2"), .string("x")])
        #expect(reader.literals(in: "result=[1, 2]") == [.list([.int("1"), .int("2")])])
    }

    @Test func scalarInsideContainerIsFound() {
        let values = reader.literals(in: "[1, [4, 9]]").flatMap(\.selfAndDescendants)
        #expect(values.contains(.int("9")))
        #expect(values.contains(.list([.int("4"), .int("9")])))
    }

    @Test func hostileNestingDoesNotOverflow() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(reader.parse(deep) == nil)
        #expect(reader.literals(in: String(repeating: "'abc\n", count: 5000)).isEmpty)
    }
}
