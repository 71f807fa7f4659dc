import Foundation
import Testing
import Rubrics
@testable import ConceptScoring

/// Expected values computed with python3: scipy.stats.spearmanr, and the quadratic weighted
/// kappa by hand (numpy, rounding marks half up to the scale as the library does).
@Suite struct CalibrationTests {
    @Test func spearmanMatchesScipyWithTies() throws {
        let a = [2, 1.5, 1, 0, 2, 0.5, 1, 1.5, 2, 0]
        let b = [1.5, 1.5, 0.5, 0, 2, 1, 1, 2, 2, 0.5]
        #expect(abs(try #require(AgreementStatistics.spearman(a, b)) - 0.8734177215189874) < 1e-12)
        #expect(abs(try #require(AgreementStatistics.spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])) - 0.8207826816681233) < 1e-12)
        #expect(abs(try #require(AgreementStatistics.spearman([3, 1, 2], [1, 3, 2])) - -1.0) < 1e-12)
    }

    @Test func spearmanUndefinedCases() {
        #expect(AgreementStatistics.spearman([1], [2]) == nil)
        #expect(AgreementStatistics.spearman([1, 1, 1], [1, 2, 3]) == nil)
        #expect(AgreementStatistics.spearman([1, 2], [1]) == nil)
    }

    @Test func averageRanks() {
        #expect(AgreementStatistics.averageRanks([10, 20, 10, 30]) == [1.5, 3, 1.5, 4])
    }

    @Test func quadraticWeightedKappaMatchesReference() throws {
        let a = [2, 1.5, 1, 0, 2, 0.5, 1, 1.5, 2, 0]
        let b = [1.5, 1.5, 0.5, 0, 2, 1, 1, 2, 2, 0.5]
        let halfPoints = try #require(AgreementStatistics.quadraticWeightedKappa(a, b, step: 0.5, maximum: 2))
        #expect(abs(halfPoints - 0.8768472906403941) < 1e-12)
        let whole = try #require(AgreementStatistics.quadraticWeightedKappa([0, 1, 2, 3, 3, 2], [0, 1, 2, 3, 2, 2], step: 1, maximum: 3))
        #expect(abs(whole - 0.9189189189189189) < 1e-12)
        // Unrounded marks are rounded to the scale first (1.26 → 1.5, 2.74 → 2.5, 2.6 → 2.5).
        let rounded = try #require(AgreementStatistics.quadraticWeightedKappa([0.4, 1.26, 2.74, 3], [0, 1, 3, 2.6], step: 0.5, maximum: 3))
        #expect(abs(rounded - 0.8961038961038961) < 1e-12)
        #expect(AgreementStatistics.quadraticWeightedKappa([1, 1], [1, 1], step: 1, maximum: 2) == nil)
        #expect(AgreementStatistics.quadraticWeightedKappa([0, 2], [0, 2], step: 1, maximum: 2) == 1)
    }

    @Test func readsHumanMarksCSV() throws {
        let csv = "\u{FEFF}Question,File,Mark,comment\r\nQ1,sheet-a.txt,1.5,fine\n\n# a comment\n\"Q2\",\"dir/with, comma.txt\",2,\"said \"\"ok\"\"\nacross lines\"\n"
        let marks = try HumanMarksReader.parse(csv)
        #expect(marks == [
            HumanMark(file: "sheet-a.txt", question: "Q1", mark: 1.5),
            HumanMark(file: "dir/with, comma.txt", question: "Q2", mark: 2),
        ])
    }

    @Test func humanMarksErrorsNameTheLine() {
        #expect(throws: HumanMarksError(file: "m.csv", line: 1, message: "header has no 'mark' column (found: file, question)")) {
            try HumanMarksReader.parse("file,question\na,Q1\n", file: "m.csv")
        }
        #expect(throws: HumanMarksError(file: "m.csv", line: 3, message: "mark 'lots' is not a number of 0 or more")) {
            try HumanMarksReader.parse("file,question,mark\na,Q1,1\nb,Q1,lots\n", file: "m.csv")
        }
        #expect(throws: HumanMarksError(file: "m.csv", line: 3, message: "second mark for a Q1 (first on line 2)")) {
            try HumanMarksReader.parse("file,question,mark\na,Q1,1\na,Q1,2\n", file: "m.csv")
        }
        #expect(throws: HumanMarksError(file: "m.csv", line: 2, message: "unclosed quote")) {
            try HumanMarksReader.parse("file,question,mark\n\"a,Q1,1\n", file: "m.csv")
        }
        #expect(throws: HumanMarksError(file: "m.csv", line: 2, message: "missing 'mark' field (2 fields, header has 3)")) {
            try HumanMarksReader.parse("file,question,mark\na,Q1\n", file: "m.csv")
        }
    }

    @Test func comparesPerQuestionWithLargestDisagreementsFirst() throws {
        let rubric = try RubricParser.parse(yaml: testRubricYAML, file: "t.yaml")
        let human = [
            HumanMark(file: "s/a.txt", question: "P", mark: 3), HumanMark(file: "s/b.txt", question: "P", mark: 1),
            HumanMark(file: "s/c.txt", question: "P", mark: 0), HumanMark(file: "s/d.txt", question: "P", mark: 2),
            HumanMark(file: "s/zz.txt", question: "P", mark: 2), HumanMark(file: "s/a.txt", question: "C", mark: 1),
        ]
        let machine = [
            MachineMark(file: "/x/a.txt", question: "P", score: 3, fired: ["own-memory", "gil"]),
            MachineMark(file: "/x/b.txt", question: "P", score: 2.5, fired: ["gil"]),
            MachineMark(file: "c.md", question: "P", score: 0.5, fired: []),
            MachineMark(file: "s/d.txt", question: "P", score: 2, fired: ["process-word"]),
        ]
        let results = Calibration.compare(human: human, machine: machine, rubric: rubric, top: 2)
        #expect(results.map(\.question) == ["P"])
        let p = try #require(results.first)
        #expect(p.count == 4)
        #expect(p.unmatched == ["s/zz.txt"])
        #expect(p.disagreements.map(\.file) == ["s/b.txt", "s/c.txt"])
        #expect(p.disagreements.first?.fired == ["gil"])
        #expect(p.step == 0.5 && p.maximum == 3)
        // Human [3,1,0,2] vs rubric [3,2.5,0.5,2]: b and d swap places (scipy: 0.8).
        #expect(abs((p.spearman ?? 0) - 0.8) < 1e-12)
        let report = Calibration.report(results)
        #expect(report.contains("P: 4 answers, Spearman 0.800"))
        #expect(report.contains("  s/b.txt: human 1, rubric 2.5; fired: gil"))
    }
}
