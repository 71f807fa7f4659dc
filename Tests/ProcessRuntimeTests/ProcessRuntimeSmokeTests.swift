import Testing
@testable import ProcessRuntime

@Test func ProcessRuntimeLinks() {
    #expect(Bool(true))
}
