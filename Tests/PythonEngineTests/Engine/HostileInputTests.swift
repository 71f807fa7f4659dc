import Testing
@testable import PythonEngine

/// Malformed or hostile input ends in a Python exception or a clear limit, never a crash.
@Suite struct HostileInputTests {
    @Test func deepParenthesesHitTheTokenizerLimit() {
        let run = EngineRun("x = " + String(repeating: "(", count: 250) + String(repeating: ")", count: 250) + "\n")
        #expect(run.lastErrorLine == "SyntaxError: too many nested parentheses")
    }

    @Test func deepUnaryAndLongChainsAreCompileTimeRecursionErrors() {
        #expect(EngineRun("x = " + String(repeating: "-", count: 5000) + "1\n").lastErrorLine
            == "RecursionError: maximum recursion depth exceeded during compilation")
        #expect(EngineRun("x = " + String(repeating: "1+", count: 100_000) + "1\n").lastErrorLine
            == "RecursionError: maximum recursion depth exceeded during compilation")
    }

    @Test func deepIndentation() {
        var src = "if 1:\n"
        for i in 1..<120 { src += String(repeating: " ", count: i) + "if 1:\n" }
        src += String(repeating: " ", count: 120) + "pass\n"
        #expect(EngineRun(src).lastErrorLine == "IndentationError: too many levels of indentation")
    }

    /// Freeing a structure nested far deeper than any stack would release it level by level
    /// inside each level's deinit; the trashcan keeps that iterative, as CPython's does.
    @Test func freeingDeeplyNestedContainersDoesNotOverflowTheStack() {
        let run = EngineRun("""
        x, t, d = [], (), {}
        for i in range(200000):
            x = [x]
            t = (t,)
            d = {"next": d}
        class Node:
            def __init__(self, nxt):
                self.next = nxt
        head = None
        for i in range(200000):
            head = Node(head)
        x = t = d = head = None
        print("freed")

        """)
        #expect(run.stdout == "freed\n")
        #expect(run.stderr.isEmpty)
    }

    @Test func hugeLiteralsAreExact() {
        let digits = String(repeating: "9", count: 4000)
        let run = EngineRun("x = \(digits)\nprint(len(str(x)), x % 1000)\nprint(len(str(2 ** 20000)))\n")
        #expect(run.stdout == "4000 999\n")
        #expect(run.lastErrorLine == "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
    }

    @Test func endlessLoopStopsAtTheStepBudget() {
        let run = EngineRun("while True:\n    pass\n", limits: ExecutionLimits(maxSteps: 100_000))
        #expect(run.outcome.limitExceeded != nil)
        #expect(run.outcome.exitStatus == 1)
        #expect(run.stderr.contains("step limit"))
    }

    @Test func exceptClauseCannotSwallowTheLimit() {
        let run = EngineRun("while True:\n    try:\n        while True: pass\n    except BaseException:\n        pass\n", limits: ExecutionLimits(maxSteps: 50_000))
        #expect(run.outcome.limitExceeded != nil)
    }

    @Test func deepReprRecursionIsARecursionError() {
        let run = EngineRun("class A:\n    def __repr__(self):\n        return repr(self)\nprint(A())\n")
        #expect(run.lastErrorLine.hasPrefix("RecursionError: maximum recursion depth exceeded"))
    }

    @Test func raisedRecursionLimitStillCannotOverflowTheStack() {
        let run = EngineRun("import sys\nsys.setrecursionlimit(10**6)\ndef r(n): return r(n + 1)\nr(0)\n",
                            limits: ExecutionLimits(maxSteps: 10_000_000))
        #expect(run.lastErrorLine == "RecursionError: maximum recursion depth exceeded")
    }

    @Test func randomBytesNeverCrash() {
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        let alphabet = Array("abcxyz019 ()[]{}:;,.=+-*/%'\"\\\n\t#@!<>&|^~_f\u{2018}")
        for _ in 0..<300 {
            let length = Int(next() % 80)
            var s = ""
            for _ in 0..<length { s.append(alphabet[Int(next() % UInt64(alphabet.count))]) }
            let run = EngineRun(s, limits: ExecutionLimits(maxSteps: 10_000))
            #expect(run.outcome.exitStatus == 0 || !run.lastErrorLine.isEmpty)
        }
        var bytes: [UInt8] = []
        for _ in 0..<2000 { bytes.append(UInt8(truncatingIfNeeded: next())) }
        let run = EngineRun(String(decoding: bytes, as: UTF8.self))
        #expect(run.outcome.exitStatus == 1)
    }
}
