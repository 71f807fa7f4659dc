import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Reports

/// A tiny DOM built with Foundation's XMLParser, enough to check the JUnit structure.
final class XMLNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    func all(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
    func first(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    static func parse(_ data: Data) throws -> XMLNode {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseFailure(message: parser.parserError.map { "\($0)" } ?? "no root element")
        }
        return root
    }

    struct ParseFailure: Error { let message: String }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLNode?
        var stack: [XMLNode] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let node = XMLNode(name: elementName, attributes: attributeDict)
            if let parent = stack.last { parent.children.append(node) } else { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}

@Suite struct JUnitXMLTests {
    let batch = SampleResults.batch

    private func parsed() throws -> XMLNode {
        try XMLNode.parse(Data(JUnitXMLWriter().render(batch).utf8))
    }

    @Test func parsesBackWithSuitesCasesAndCounts() throws {
        let root = try parsed()
        #expect(root.name == "testsuites")
        #expect(root.attributes["name"] == SampleResults.rubric)
        let suites = root.all("testsuite")
        #expect(suites.count == 3)
        // tests = questions + 1 for an ungradable sheet.
        #expect(root.attributes["tests"] == "6")
        #expect(root.attributes["failures"] == "3")
        #expect(root.attributes["errors"] == "1")
        #expect(root.all("testsuite").allSatisfy { $0.attributes["timestamp"] == "2026-11-22T01:00:00Z" })

        let alice = suites[0]
        #expect(alice.attributes["name"] == "alice")
        #expect(alice.all("testcase").count == 2)
        #expect(alice.attributes["failures"] == "0")
        #expect(alice.all("testcase").allSatisfy { $0.children.isEmpty })

        let bob = suites[1]
        #expect(bob.attributes["name"] == SampleResults.partial.studentName)  // escaped and restored exactly
        let cases = bob.all("testcase")
        #expect(cases.map { $0.attributes["name"] ?? "" } == ["Q1: What is multiprocessing?", "Q3", "Q5"])
        #expect(cases.allSatisfy { $0.first("failure") != nil })
        let q1Failure = try #require(cases[0].first("failure"))
        #expect(q1Failure.attributes["message"] == "Q1 scored 0.75/2")
        // The feedback survives escaping; the control characters are gone (XML 1.0 cannot hold them).
        #expect(q1Failure.text.contains("<script>alert('x')</script> ]]> \"q\" & =cmd|' /C calc'!A0\nline2 🙂 [2J"))
        #expect(q1Failure.text.contains("missing separate-memory"))
        let q3Failure = try #require(cases[1].first("failure"))
        #expect(q3Failure.text.contains("check failed: runs without error"))
        #expect(!q3Failure.text.contains("SECRET"))
        #expect(q3Failure.text.contains("hidden check 2"))

        let carol = suites[2]
        #expect(carol.attributes["errors"] == "1")
        let error = try #require(carol.first("testcase")?.first("error"))
        #expect(error.attributes["message"]?.hasPrefix("cannot read the sheet: invalid UTF-8") == true)
        #expect(error.text.contains("]]> <x>"))
    }

    @Test func propertiesCarryScores() throws {
        let bob = try parsed().all("testsuite")[1]
        let properties = Dictionary(
            (bob.first("properties")?.all("property") ?? []).map { ($0.attributes["name"] ?? "", $0.attributes["value"] ?? "") },
            uniquingKeysWith: { a, _ in a }
        )
        #expect(properties["score"] == "2.55")
        #expect(properties["max"] == "6")
        #expect(properties["Q3.score"] == "0.3")
        #expect(properties["student_id"] == "-42")
        #expect(properties["file"] == "submissions/bob.txt")
    }

    @Test func escapingStripsWhatXMLCannotCarry() {
        #expect(XMLText.text("a\u{0}b\u{1B}c\u{FFFE}d") == "abcd")
        #expect(XMLText.attribute("x\"y'<\n") == "x&quot;y&apos;&lt;&#10;")
        #expect(!XMLText.text("]]>").contains("]]>"))
    }
}

@Suite struct JUnitSuiteNameTests {
    @Test func duplicateStudentNamesGetDistinctSuites() throws {
        let a = SubmissionResult(file: "x/sheet.txt", score: 1, max: 1, questions: [])
        let b = SubmissionResult(file: "y/sheet.txt", score: 1, max: 1, questions: [])
        let root = try XMLNode.parse(Data(JUnitXMLWriter().render(BatchResult(rubric: "r", submissions: [a, b])).utf8))
        let names = root.all("testsuite").map { $0.attributes["name"] ?? "" }
        #expect(names == ["sheet (x/sheet.txt)", "sheet (y/sheet.txt)"])
        #expect(root.attributes["tests"] == "0")
    }
}
