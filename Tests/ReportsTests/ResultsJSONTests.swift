import Foundation
import Testing
@testable import Reports

@Suite struct ResultsJSONTests {
    let batch = SampleResults.batch

    private func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func roundTripsToEqualValues() throws {
        // Scores in the sample are quarter points except 0.1 + 0.2, which output rounds; compare
        // after one round trip (the second must be exact and byte-identical).
        let data = try ResultsJSONWriter().render(batch)
        let decoded = try ResultsJSONWriter().decode(data)
        #expect(decoded.submissions.count == 3)
        #expect(decoded.submissions[0] == batch.submissions[0])
        #expect(decoded.submissions[2] == batch.submissions[2])
        #expect(decoded.submissions[1].questions[1].score == 0.3)
        let again = try ResultsJSONWriter().render(decoded)
        #expect(again == data)
        #expect(try ResultsJSONWriter().decode(again) == decoded)
    }

    /// `render` builds the file one submission at a time; the bytes must be exactly those of
    /// encoding the batch whole (results.json is diffed and cached byte for byte).
    @Test func renderingPieceByPieceGivesTheWholeEncodingsBytes() throws {
        let batches = [
            batch,
            BatchResult(rubric: "r", submissions: [SampleResults.failed]),
            BatchResult(rubric: "r \"quoted\"/x", submissions: [], graderVersion: "1"),
            BatchResult(rubric: "r", submissions: batch.submissions + batch.submissions, generatedAt: "2026-01-01T00:00:00Z"),
        ]
        let dir = try SampleResults.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (index, b) in batches.enumerated() {
            #expect(try ResultsJSONWriter().render(b) == ResultsJSONWriter.encode(b))
            let url = dir.appendingPathComponent("results-\(index).json")
            try ResultsJSONWriter().write(b, to: url)
            #expect(try Data(contentsOf: url) == ResultsJSONWriter.encode(b))
        }
    }

    @Test func exactKeysOfTheContractPlusDocumentedExtras() throws {
        let root = try object(ResultsJSONWriter().render(batch))
        #expect(Set(root.keys) == ["rubric", "submissions", "grader_version", "generated_at"])
        #expect(root["rubric"] as? String == SampleResults.rubric)
        let submissions = try #require(root["submissions"] as? [[String: Any]])
        for s in submissions {
            #expect(Set(s.keys) == ["file", "score", "max", "error", "questions", "student_name", "student_id"])
            for q in try #require(s["questions"] as? [[String: Any]]) {
                #expect(Set(q.keys).isSuperset(of: ["id", "kind", "score", "max", "feedback", "execution", "checks", "cells"]))
                #expect(Set(q.keys).isSubset(of: ["id", "kind", "score", "max", "feedback", "execution", "title", "concepts", "checks", "cells"]))
                #expect(["prose", "code", "both"].contains(q["kind"] as? String ?? ""))
                if let execution = q["execution"] as? [String: Any] {
                    #expect(Set(execution.keys) == ["status", "exception", "stdout", "processes"])
                    #expect(["ok", "error", "timeout", "limit", "blocked"].contains(execution["status"] as? String ?? ""))
                } else {
                    #expect(q["kind"] as? String == "prose")
                    #expect(q["execution"] is NSNull)
                }
                if let concepts = q["concepts"] as? [String: Any] {
                    #expect(Set(concepts.keys) == ["earned", "missing", "misconceptions"])
                    for e in concepts["earned"] as? [[String: Any]] ?? [] { #expect(Set(e.keys) == ["id", "points", "quote", "match"]) }
                    for m in concepts["missing"] as? [[String: Any]] ?? [] { #expect(Set(m.keys) == ["id", "points", "hint"]) }
                    for m in concepts["misconceptions"] as? [[String: Any]] ?? [] { #expect(Set(m.keys) == ["id", "points", "quote"]) }
                }
                for c in q["checks"] as? [[String: Any]] ?? [] {
                    #expect(Set(c.keys) == ["name", "points", "earned", "passed", "feedback", "expected", "actual", "hidden"])
                }
                for c in q["cells"] as? [[String: Any]] ?? [] {
                    #expect(Set(c.keys) == ["code", "stdout", "stderr", "recorded_output", "recorded_matches", "repair"])
                    if let repair = c["repair"] as? [String: Any] {
                        #expect(Set(repair.keys) == ["kind", "description", "status_after"])
                    }
                }
            }
        }
        #expect(submissions[0]["error"] is NSNull)
        #expect((submissions[2]["error"] as? String)?.hasPrefix("cannot read the sheet") == true)
    }

    @Test func numbersAreRoundedAndStable() throws {
        let text = try #require(String(data: try ResultsJSONWriter().render(batch), encoding: .utf8))
        #expect(!text.contains("0.30000000000000004"))
        #expect(text.contains("\"score\" : 0.3\n"))  // last key of Q3 (sorted keys)
        #expect(text.contains("\"score\" : 0.75,"))
        #expect(text.contains("\"max\" : 2,"))  // integral: no ".0"
        #expect(!text.contains("\\/"))  // slashes unescaped
        // Deterministic: the same batch gives the same bytes.
        #expect(try ResultsJSONWriter().render(batch) == ResultsJSONWriter().render(batch))
        #expect(ScoreFormat.text(7.500000001) == "7.5")
        #expect(ScoreFormat.text(-0.001) == "0")
        #expect(ScoreFormat.text(10) == "10")
        #expect(ScoreFormat.text(0.25) == "0.25")
    }

    @Test func nonFiniteScoreIsAnErrorNotACrash() {
        var bad = SampleResults.batch
        bad.submissions[0].score = .nan
        #expect(throws: EncodingError.self) { try ResultsJSONWriter().render(bad) }
    }

    @Test func decodesTheMinimalContractExample() throws {
        let json = """
        { "rubric": "r", "submissions": [ { "file": "x/sheet-a.txt", "score": 7.5, "max": 10, "error": null,
          "questions": [ { "id": "Q1", "kind": "prose", "score": 1.5, "max": 2, "feedback": ["a"] },
                         { "id": "Q3", "kind": "code", "score": 2, "max": 2,
                           "execution": { "status": "ok", "exception": null, "stdout": "1\\n", "processes": 4 } } ] } ] }
        """
        let batch = try ResultsJSONWriter().decode(Data(json.utf8))
        let s = try #require(batch.submissions.first)
        #expect(s.studentName == "sheet-a")
        #expect(s.questions[1].execution?.processes == 4)
        #expect(s.questions[0].execution == nil)
    }

    @Test func invalidJSONNamesTheProblem() {
        let json = #"{ "rubric": "r", "submissions": [ { "file": "a", "score": 1 } ] }"#
        do {
            _ = try ResultsJSONWriter().decode(Data(json.utf8), source: "shard.json")
            Issue.record("expected an error")
        } catch let error as ReportError {
            #expect(error.description.contains("shard.json"))
            #expect(error.description.contains("\"max\""))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}

@Suite struct ThresholdTests {
    @Test func belowThresholdIncludesUngradableSheets() {
        let batch = SampleResults.batch  // alice 100%, bob 42.5%, carol failed
        #expect(batch.submissions(below: 50).map(\.studentName) == [SampleResults.partial.studentName, "carol"])
        #expect(batch.submissions(below: 42.5).map(\.studentName) == ["carol"])
        #expect(batch.submissions(below: 0).map(\.studentName) == ["carol"])
        #expect(batch.failedSubmissions.map(\.file) == ["submissions/carol.md"])
    }
}
