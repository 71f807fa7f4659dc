import Testing
@testable import PythonEngine

@Test func PythonEngineLinks() {
    #expect(Bool(true))
}
