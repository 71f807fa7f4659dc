import Foundation
import Testing
@testable import PythonEngine

@Suite struct PicklingRulesTests {
    @Test func lambdaAtModuleLevel() {
        let failure = PicklingRules.functionFailure(qualname: "<lambda>", module: "__main__", isLambda: true, address: 0x7f12_3456_7890)
        #expect(failure?.pythonExceptionType == "_pickle.PicklingError")
        #expect(failure?.message == "Can't pickle <function <lambda> at 0x7f1234567890>: attribute lookup <lambda> on __main__ failed")
        #expect(failure?.description == "_pickle.PicklingError: Can't pickle <function <lambda> at 0x7f1234567890>: attribute lookup <lambda> on __main__ failed")
    }

    @Test func nestedFunctionsAndClasses() {
        let nested = PicklingRules.functionFailure(qualname: "main.<locals>.double", module: "__main__", isLambda: false, address: 1)
        #expect(nested?.description == "AttributeError: Can't pickle local object 'main.<locals>.double'")
        let nestedLambda = PicklingRules.functionFailure(qualname: "main.<locals>.<lambda>", module: "__main__", isLambda: true, address: 1)
        #expect(nestedLambda?.description == "AttributeError: Can't pickle local object 'main.<locals>.<lambda>'")
        let localClass = PicklingRules.classFailure(qualname: "main.<locals>.C", module: "__main__")
        #expect(localClass?.description == "AttributeError: Can't pickle local object 'main.<locals>.C'")
    }

    @Test func moduleLevelObjectsPickle() {
        #expect(PicklingRules.functionFailure(qualname: "square", module: "__main__", isLambda: false, address: 1) == nil)
        #expect(PicklingRules.functionFailure(qualname: "C.method", module: "__main__", isLambda: false, address: 1) == nil)
        #expect(PicklingRules.classFailure(qualname: "Point", module: "__main__") == nil)
    }

    @Test func lookupFailures() {
        let deleted = PicklingRules.functionFailure(qualname: "g", module: "__main__", isLambda: false, address: 0xabc, lookup: .notFound)
        #expect(deleted?.description == "_pickle.PicklingError: Can't pickle <function g at 0xabc>: attribute lookup g on __main__ failed")
        let redefined = PicklingRules.functionFailure(qualname: "k", module: "__main__", isLambda: false, address: 0xabc, lookup: .differentObject)
        #expect(redefined?.description == "_pickle.PicklingError: Can't pickle <function k at 0xabc>: it's not the same object as __main__.k")
        let classLambda = PicklingRules.functionFailure(qualname: "C.<lambda>", module: "__main__", isLambda: true, address: 0xabc)
        #expect(classLambda?.message == "Can't pickle <function C.<lambda> at 0xabc>: attribute lookup C.<lambda> on __main__ failed")
    }

    /// The same refusals produced by `python3`, when it is installed (skipped otherwise).
    @Test func messagesMatchPython3() throws {
        let searchPath = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        guard let python = searchPath.map({ "\($0)/python3" }).first(where: FileManager.default.isExecutableFile) else {
            return
        }
        let script = """
            import pickle
            def show(obj):
                try:
                    pickle.dumps(obj)
                    print("ok")
                except Exception as e:
                    name = type(e).__qualname__ if type(e).__module__ == "builtins" else type(e).__module__ + "." + type(e).__qualname__
                    print(name + ": " + str(e))
            def main():
                def double(x): return 2 * x
                show(double)
                show(lambda: 0)
            show(lambda x: x)
            main()
            def g(): pass
            h = g
            del g
            show(h)
            def square(x): return x * x
            show(square)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let normalized = output.replacingOccurrences(of: "0x[0-9a-f]+", with: "0xADDR", options: .regularExpression)
        func ours(_ failure: PicklingFailure?) -> String {
            (failure?.description ?? "ok").replacingOccurrences(of: "0x[0-9a-f]+", with: "0xADDR", options: .regularExpression)
        }
        let expected = [
            ours(PicklingRules.functionFailure(qualname: "<lambda>", module: "__main__", isLambda: true, address: 0x7f00)),
            ours(PicklingRules.functionFailure(qualname: "main.<locals>.double", module: "__main__", isLambda: false, address: 1)),
            ours(PicklingRules.functionFailure(qualname: "main.<locals>.<lambda>", module: "__main__", isLambda: true, address: 1)),
            ours(PicklingRules.functionFailure(qualname: "g", module: "__main__", isLambda: false, address: 0x7f00, lookup: .notFound)),
            ours(PicklingRules.functionFailure(qualname: "square", module: "__main__", isLambda: false, address: 1)),
        ]
        #expect(normalized.split(separator: "\n").map(String.init) == expected)
    }
}
