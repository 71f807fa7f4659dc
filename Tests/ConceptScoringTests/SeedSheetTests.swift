import Foundation
import Testing
@testable import ConceptScoring

/// Real student sheets (in `../shared/seeds`, not in the repository): scoring them whole must
/// stay within bounds, and every quote in the feedback must be the student's own words.
@Suite struct SeedSheetTests {
    static let seedsDirectory = sharedFile("seeds")

    @Test(.enabled(if: !seedsDirectory.isEmpty))
    func quotesComeFromTheSheetAndScoresStayInBounds() throws {
        let scorer = try ConceptScorer.load(path: packageRoot.appendingPathComponent("rubrics/multiprocessing.yaml").path)
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.seedsDirectory).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOfFile: Self.seedsDirectory + "/" + file, encoding: .utf8)
            let cleaned = TextNormalizer.clean(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for question in scorer.proseQuestions {
                let score = try scorer.score(answer: text, for: question.id)
                #expect(score.score >= 0 && score.score <= score.max, "\(file) \(question.id)")
                for result in score.earned + score.misconceptions {
                    let quote = try #require(result.evidence?.quote)
                    #expect(cleaned.contains(quote), "\(file) \(question.id): \(quote)")
                }
                #expect(try scorer.score(answer: text, for: question.id) == score)
            }
        }
    }
}
