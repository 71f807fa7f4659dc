import Foundation
import Testing
@testable import Reports

@Suite struct GradescopeTests {
    @Test func hasTheRequiredKeysAndScores() throws {
        let data = try GradescopeWriter().render(SampleResults.partial)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(root.keys).isSuperset(of: ["score", "tests", "output", "visibility", "stdout_visibility"]))
        #expect((root["score"] as? NSNumber)?.doubleValue == 2.55)
        #expect(root["visibility"] as? String == "visible")
        #expect(root["stdout_visibility"] as? String == "hidden")
        let tests = try #require(root["tests"] as? [[String: Any]])
        #expect(tests.count == 3)
        for test in tests {
            #expect(Set(test.keys).isSuperset(of: ["name", "score", "max_score", "output", "status", "visibility"]))
            #expect(test["status"] as? String == "failed")
        }
        #expect(tests.map { $0["name"] as? String } == ["Q1: What is multiprocessing?", "Q3", "Q5"])
        #expect(tests.map { ($0["score"] as? NSNumber)?.doubleValue } == [0.75, 0.3, 1.5])
        #expect(tests.map { ($0["max_score"] as? NSNumber)?.doubleValue } == [2, 2, 2])
        // The test sum is the submission score (Gradescope shows both).
        let sum = tests.compactMap { ($0["score"] as? NSNumber)?.doubleValue }.reduce(0, +)
        #expect(abs(sum - 2.55) < 0.001)
    }

    @Test func fullMarksPassAndHiddenChecksStayHidden() throws {
        let full = GradescopeWriter(visibility: .afterPublished).results(for: SampleResults.fullMarks)
        #expect(full.tests.allSatisfy { $0.status == .passed })
        #expect(full.visibility == .afterPublished)
        let partial = GradescopeWriter().results(for: SampleResults.partial)
        let q3 = try #require(partial.tests.first { $0.name == "Q3" })
        #expect(q3.output.contains("Hidden check 2"))
        #expect(!q3.output.contains("SECRET"))
        #expect(q3.output.contains("NameError"))
    }

    @Test func failedSheetSaysWhy() throws {
        let results = GradescopeWriter().results(for: SampleResults.failed)
        #expect(results.score == 0)
        #expect(results.tests.isEmpty)
        #expect(results.output.contains("could not be graded"))
        // Decodes back (the JSON is what the model says).
        let decoded = try JSONDecoder().decode(GradescopeResults.self, from: GradescopeWriter().render(SampleResults.failed))
        #expect(decoded == results)
    }
}
