import Testing
@testable import PythonEngine

/// Interpreter objects to `PickleValue` and back, in this process (nothing here forks): what
/// crosses to pool workers and what CPython refuses, with its exact messages.
@Suite("multiprocessing bridge: pickling interpreter objects")
struct PicklingBridgeTests: PicklingPrograms {
    /// The Python exception a pickling attempt raised, as its traceback's last line prints it.
    func refusal(_ runtime: PythonRuntime, _ name: String) throws -> String? {
        do {
            _ = try runtime.interpreter.pickle(try global(runtime, name))
            return nil
        } catch let e as PyError {
            return runtime.interpreter.exceptionLine(e.exception)
        }
    }

    @Test func moduleLevelFunctionsAndClassesTravelByName() throws {
        let r = program("def double(x):\n    return 2 * x\nclass Point:\n    pass\n")
        #expect(try r.interpreter.pickle(try global(r, "double")) == .function(module: "__main__", qualname: "double"))
        #expect(try r.interpreter.pickle(try global(r, "Point")) == .class(module: "__main__", qualname: "Point"))
        let f = try r.interpreter.unpickle(try r.interpreter.pickle(try global(r, "double")))
        #expect(f === (try global(r, "double")))
    }

    @Test func lambdaAndNestedFunctionAreRefusedAsCPythonDoes() throws {
        let r = program("""
            square = lambda x: x * x
            def main():
                def double(x):
                    return 2 * x
                return double
            inner = main()
            """)
        let lambdaError = try #require(try refusal(r, "square"))
        #expect(lambdaError.hasPrefix("_pickle.PicklingError: Can't pickle <function <lambda> at 0x"))
        #expect(lambdaError.hasSuffix(">: attribute lookup <lambda> on __main__ failed"))
        #expect(try refusal(r, "inner") == "AttributeError: Can't pickle local object 'main.<locals>.double'")
    }

    @Test func redefinedFunctionIsNotTheSameObject() throws {
        let r = program("def f():\n    return 1\nold = f\ndef f():\n    return 2\n")
        let message = try #require(try refusal(r, "old"))
        #expect(message.hasSuffix(": it's not the same object as __main__.f"))
    }

    @Test func valuesInstancesAndExceptionsRoundTrip() throws {
        let r = program("""
            from collections import Counter
            class Point:
                def __init__(self, x, y):
                    self.x = x
                    self.y = y
            class AppError(Exception):
                def __init__(self, code):
                    super().__init__(f"code {code}")
                    self.code = code
            data = [1, 2.5, "s", b"b", (None, True), {"k": {3, 4}}, 10 ** 30, range(1, 9, 2)]
            point = Point(1, [2])
            error = AppError(7)
            counts = Counter("abca")
            """)
        let i = r.interpreter
        for name in ["data", "counts"] {
            let original = try global(r, name)
            let copy = try i.unpickle(bytes: try i.pickleBytes(original))
            #expect(try i.repr(copy) == i.repr(original))
            #expect(copy !== original)
        }
        let point = try #require(try i.unpickle(bytes: try i.pickleBytes(try global(r, "point"))) as? PyInstance)
        #expect(point.cls === (try global(r, "Point")))
        #expect(try i.repr(point.attributes["y"] ?? PyNone.shared) == "[2]")
        let error = try #require(try i.unpickle(bytes: try i.pickleBytes(try global(r, "error"))) as? PyExceptionObject)
        #expect(i.exceptionLine(error) == "AppError: code code 7")
        #expect(try i.repr(error.attributes["code"] ?? PyNone.shared) == "7")
    }

    @Test func unpicklableValuesFailWithCPythonsTypeError() throws {
        // (In a list: the run's end closes generators held directly by globals.)
        let r = program("def gen():\n    yield 1\nholder = [gen()]\n")
        #expect(try refusal(r, "holder") == "TypeError: cannot pickle 'generator' object")
    }
}
