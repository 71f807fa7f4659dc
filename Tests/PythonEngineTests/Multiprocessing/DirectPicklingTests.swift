import Testing
@testable import PythonEngine
import ProcessRuntime

/// The direct lane (`Interpreter+DirectPickling.swift`) must be invisible: the same bytes as the
/// general path (`pickle(_:)` then `encode()`), the same objects back, the same errors in the
/// same order. Manager dicts compare keys by their bytes, so "the same bytes" is a requirement,
/// not a nicety.
@Suite("multiprocessing bridge: direct pickling lane")
struct DirectPicklingTests: PicklingPrograms {
    /// The exception line a throwing call raised, or nil.
    func raised(_ interpreter: Interpreter, _ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let e as PyError {
            return interpreter.exceptionLine(e.exception)
        } catch {
            return "\(error)"
        }
    }

    /// What `pickleBytes` raised before the direct lane: the general path, with an encoding
    /// failure turned into the Python error.
    func generalBytes(_ i: Interpreter, _ value: PyObject) throws -> [UInt8] {
        do {
            return try i.pickle(value).encode()
        } catch let e as PickleError {
            throw i.picklingEncodeError(e)
        }
    }

    static let values = """
        import collections
        class Point:
            def __init__(self, x):
                self.x = x
        def double(x):
            return 2 * x
        values = [
            None, True, False, 0, 1, -1, 255, 256, -256, 2 ** 62, -(2 ** 63), 2 ** 63, 2 ** 64 - 1, -(2 ** 64),
            10 ** 40, -(10 ** 40), 0.0, -0.0, 1.5, float("inf"), float("nan"), "", "abc", "héllo ✓ 😀", "a\\0b",
            b"", b"\\x00\\xff", bytearray(b"xy"), [], (), [1, [2, [3, (4, "five")]]], (None,), {"a": 1, 2: [3]},
            {}, {(1, 2): "t"}, {1, 2}, frozenset(), range(3), Point(1), double, Point, ValueError("bad", 3),
            collections.Counter("abca"), [Point(2), {"k": Point(3)}], {"nested": {"d": (1.5, None)}}, [True, 1, 1.0],
        ]
        """

    @Test func writesTheGeneralPathsBytes() throws {
        let r = program(Self.values)
        let i = r.interpreter
        let values = try #require(try global(r, "values") as? PyList)
        #expect(values.items.count > 40)
        for value in values.items + [values] {
            let direct = try i.pickleBytes(value)
            let general = try generalBytes(i, value)
            let shown = (try? i.repr(value)) ?? "?"
            #expect(direct == general, "\(shown)")
        }
    }

    @Test func readsBackWhatTheGeneralPathReads() throws {
        let r = program(Self.values)
        let i = r.interpreter
        let values = try #require(try global(r, "values") as? PyList)
        for value in values.items + [values] {
            let bytes = try i.pickleBytes(value)
            let direct = try i.unpickle(bytes: bytes)
            let general = try i.unpickle(try PickleValue(decoding: bytes))
            // (New instances have new addresses.)
            let directText = ((try? i.repr(direct)) ?? "?").replacing(/0x[0-9a-f]+/, with: "0x")
            let generalText = ((try? i.repr(general)) ?? "?").replacing(/0x[0-9a-f]+/, with: "0x")
            #expect(directText == generalText)
            #expect(i.typeName(direct) == i.typeName(general))
        }
        // The lane's own kinds come back by the lane (and as new objects).
        let plain = try i.pickleBytes(try global(r, "values"))
        #expect(i.directUnpickle(try i.pickleBytes(PyList([PyInt.make(1), PyString("s")]))) != nil)
        #expect(i.directUnpickle(plain) == nil)  // it holds a Point, a function, a set...
    }

    @Test func smallIntsKeepTheirIdentityAndBigIntsTheirValue() throws {
        let i = program("").interpreter
        for n in [-5, 0, 7, 256] {
            #expect(try i.unpickle(bytes: try i.pickleBytes(PyInt.make(n))) === PyInt.make(n))
        }
        let big = try i.unpickle(bytes: try i.pickleBytes(PyInt.make(Int.min)))
        #expect(try i.repr(big) == "-9223372036854775808")
    }

    @Test func refusalsComeInTheGeneralPathsOrder() throws {
        let r = program("""
            def gen():
                yield 1
            square = lambda x: x * x
            first_generator = [1, "a", [gen()], square]
            first_lambda = (1, {"f": square}, gen())
            """)
        let i = r.interpreter
        for name in ["first_generator", "first_lambda"] {
            let value = try global(r, name)
            let general = raised(i) { _ = try generalBytes(i, value) }
            let direct = raised(i) { _ = try i.pickleBytes(value) }
            #expect(general != nil)
            #expect(direct == general)
        }
    }

    @Test func depthLimitsMatchTheGeneralPath() throws {
        // 999 nested lists encode; 1000 pass the object walk but not the encoder (ValueError-free
        // RecursionError either way); far deeper fails in the walk.
        for depth in [998, 999, 1000, 1001, 1200] {
            let r = program("x = None\nfor _ in range(\(depth)):\n    x = [x]\nholder = (x, lambda: 0)\n")
            let i = r.interpreter
            let x = try global(r, "x")
            let holder = try global(r, "holder")
            for value in [x, holder] {
                let general = raised(i) { _ = try generalBytes(i, value) }
                let direct = raised(i) { _ = try i.pickleBytes(value) }
                #expect(direct == general, "depth \(depth)")
            }
        }
    }

    @Test func mapTaskItemsAreThoseOfTheGeneralPath() throws {
        let r = program("""
            class Point:
                def __init__(self, x):
                    self.x = x
            def double(x):
                return 2 * x
            square = lambda x: x * x
            items = [1, "two", [3.0, None], Point(4), {"k": (5,)}]
            """)
        let i = r.interpreter
        let function = try global(r, "double")
        let items = try #require(try global(r, "items") as? PyList).items
        for mode in [PoolCallMode.map, .starmap] {
            let batch = try i.poolMapTaskItems(function, items, mode: mode)
            let fast = (0..<batch.count).map { Array(batch[$0]) }
            let general = try items.map { try i.poolTaskItem(try i.pickleForPool(function), [try i.pickleForPool($0)], mode: mode) }
            #expect(fast == general)
        }
        #expect(try i.poolMapTaskItems(function, [], mode: .map).isEmpty)
        let square = try global(r, "square")
        let general = raised(i) { _ = try items.map { try i.poolTaskItem(try i.pickleForPool(square), [try i.pickleForPool($0)], mode: .map) } }
        let fast = raised(i) { _ = try i.poolMapTaskItems(square, items, mode: .map) }
        #expect(general?.contains("Can't pickle <function <lambda>") == true)
        #expect(fast == general)
    }

    @Test func malformedBytesGetTheGeneralPathsError() throws {
        let i = program("").interpreter
        let good = try i.pickleBytes(PyList([PyInt.make(1), PyString("abc")]))
        for bad in [Array(good.dropLast()), good + [0], [0x50, 0x02] + good.dropFirst(2), PickleValue.header + [5, 1, 0xff]] {
            #expect(i.directUnpickle(bad) == nil)
            let line = raised(i) { _ = try i.unpickle(bytes: bad) }
            #expect(line?.contains("malformed pickle data") == true)
        }
    }
}
