import Testing
@testable import Reports

@Test func ReportsLinks() {
    #expect(Bool(true))
}
