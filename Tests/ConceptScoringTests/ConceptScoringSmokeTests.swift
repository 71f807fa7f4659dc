import Testing
@testable import ConceptScoring

@Test func ConceptScoringLinks() {
    #expect(Bool(true))
}
