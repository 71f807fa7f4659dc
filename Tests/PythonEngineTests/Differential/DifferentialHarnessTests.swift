import Foundation
import Testing

/// The harness's own parts, so that a broken harness cannot pass a broken engine.
@Suite("Differential harness")
struct DifferentialHarnessTests {
    typealias D = Differential

    @Test func normalizationMasksAddressesAndPaths() {
        let text = "Can't pickle <function <lambda> at 0x7f3a12bc>: x\nFile \"/home/u/work/snippet.py\", line 3"
        #expect(D.Normalization.normalize(text) == "Can't pickle <function <lambda> at 0x\u{2026}>: x\nFile \"snippet.py\", line 3")
        #expect(D.Normalization.normalize("0xff 0x1f 0o17") == "0xff 0x1f 0o17")
    }

    @Test func lastStderrLineSkipsBlankLines() {
        #expect(D.Normalization.lastStderrLine("Traceback\n  x\nKeyError: 'k'\n\n   \n") == "KeyError: 'k'")
        #expect(D.Normalization.lastStderrLine("") == "")
        #expect(D.Normalization.lastStderrLine("  \n\n") == "")
        #expect(D.Normalization.lastStderrLine("    indented text  \n") == "    indented text")
    }

    @Test(arguments: ["", "a\n", "a\nb", "\n\nx\n", "stdout:\nexit: 1\n"])
    func expectationRoundTrip(stdout: String) throws {
        for rule in [D.Expectation.StderrRule.lastLine(""), .lastLine("ValueError: x: y"), .exceptionType("PermissionError")] {
            let e = D.Expectation(exitStatus: -9, stderr: rule, stdout: stdout)
            #expect(try D.Expectation(parsing: e.rendered(comment: "c")) == e)
            #expect(try D.Expectation(parsing: e.rendered()) == e)
        }
    }

    @Test func expectationRejectsMalformedFiles() {
        #expect(throws: D.Expectation.ParseError.self) { try D.Expectation(parsing: "exit: 0\n") }
        #expect(throws: D.Expectation.ParseError.self) { try D.Expectation(parsing: "stderr:\nstdout:\n") }
        #expect(throws: D.Expectation.ParseError.self) { try D.Expectation(parsing: "exit: zero\nstdout:\n") }
        #expect(throws: D.Expectation.ParseError.self) { try D.Expectation(parsing: "exit: 0\nstdin: x\nstdout:\n") }
    }

    @Test func directives() {
        let d = D.Directives(source: "# order: any\n# timeout: 5\nprint(1)\n")
        #expect(d.order == .any && d.timeout == 5 && d.problems.isEmpty)
        #expect(D.Directives(source: "print(1)\n# order: any\n").order == .any)
        #expect(D.Directives(source: "1\n2\n3\n4\n5\n# order: any\n").order == .exact)
        #expect(D.Directives(source: "# order: sorted\n").problems.count == 1)
    }

    @Test func knownGapsParsingAndGlobs() {
        let gaps = D.KnownGaps(text: "# comment\n\nmultiprocessing/* # not yet\ncore/a?.py # reason # with hash\nno-reason\n")
        #expect(gaps.entries.map(\.pattern) == ["multiprocessing/*", "core/a?.py"])
        #expect(gaps.entries.last?.reason == "reason # with hash")
        #expect(gaps.malformedLines == [5])
        #expect(gaps.entry(for: "multiprocessing/pool_map.py")?.line == 3)
        #expect(gaps.entry(for: "core/ab.py") != nil)
        #expect(gaps.entry(for: "core/abc.py") == nil)
        #expect(D.KnownGaps.glob("*", matches: "core/x/y.py"))
        #expect(D.KnownGaps.glob("core/*_error_*.py", matches: "core/syntax_error_x.py"))
        #expect(!D.KnownGaps.glob("core/*.py", matches: "sandbox/x.py"))
    }

    @Test func comparisonReportsEveryDifference() {
        let expected = D.Expectation(exitStatus: 1, stderr: .lastLine("KeyError: 'a'"), stdout: "one\ntwo\nthree\n")
        let exact = D.Comparison(expectation: expected, order: .exact)
        let same = D.RunOutcome(exitStatus: 1, stdout: "one\ntwo\nthree\n", stderr: "Traceback\nKeyError: 'a'\n")
        #expect(exact.differences(from: same, timeout: 1).isEmpty)

        let wrong = D.RunOutcome(exitStatus: 0, stdout: "one\n2\nthree\n", stderr: "KeyError: 'b'\n")
        let found = exact.differences(from: wrong, timeout: 1)
        #expect(found.count == 3)
        #expect(found.last?.contains("- two") == true && found.last?.contains("+ 2") == true)

        let noNewline = D.RunOutcome(exitStatus: 1, stdout: "one\ntwo\nthree", stderr: "KeyError: 'a'")
        #expect(exact.differences(from: noNewline, timeout: 1).first?.contains("final newline") == true)
    }

    @Test func multisetComparisonIgnoresOrderOnly() {
        let expected = D.Expectation(exitStatus: 0, stderr: .lastLine(""), stdout: "a\nb\nb\n")
        let any = D.Comparison(expectation: expected, order: .any)
        #expect(any.differences(from: D.RunOutcome(exitStatus: 0, stdout: "b\na\nb\n", stderr: ""), timeout: 1).isEmpty)
        let missing = any.differences(from: D.RunOutcome(exitStatus: 0, stdout: "b\na\n", stderr: ""), timeout: 1)
        #expect(missing.count == 1 && missing[0].contains("- b"))
        let extra = any.differences(from: D.RunOutcome(exitStatus: 0, stdout: "b\na\nb\nc\n", stderr: ""), timeout: 1)
        #expect(extra.count == 1 && extra[0].contains("+ c"))
    }

    @Test func exceptionTypeRule() {
        let e = D.Expectation(exitStatus: 1, stderr: .exceptionType("PermissionError"), stdout: "")
        let c = D.Comparison(expectation: e, order: .exact)
        #expect(c.differences(from: D.RunOutcome(exitStatus: 1, stdout: "", stderr: "PermissionError: blocked: open()\n"), timeout: 1).isEmpty)
        #expect(c.differences(from: D.RunOutcome(exitStatus: 1, stdout: "", stderr: "PermissionError\n"), timeout: 1).isEmpty)
        #expect(c.differences(from: D.RunOutcome(exitStatus: 1, stdout: "", stderr: "PermissionErrorX: no\n"), timeout: 1).count == 1)
    }

    @Test func subprocessCapturesOutputAndStatus() async throws {
        let outcome = try await D.Subprocess.run(["/bin/sh", "-c", "echo out; read x || echo eof; echo err >&2; exit 3"],
                                                 environment: [:], timeout: 10)
        #expect(outcome == D.RunOutcome(exitStatus: 3, stdout: "out\neof\n", stderr: "err\n"))
    }

    @Test func subprocessTimeoutKillsTheProcessGroup() async throws {
        let outcome = try await D.Subprocess.run(["/bin/sh", "-c", "sleep 30 & sleep 30; echo never"],
                                                 environment: [:], timeout: 0.3)
        #expect(outcome.timedOut)
        #expect(outcome.exitStatus == -9)
        #expect(outcome.stdout.isEmpty)
    }

    #if os(Linux)
    @Test func subprocessTimeoutLeavesNoProcessBehind() async throws {
        let outcome = try await D.Subprocess.run(["/bin/sh", "-c", "sleep 30 & echo $!; wait"],
                                                 environment: [:], timeout: 0.5)
        #expect(outcome.timedOut)
        let pid = try #require(Int32(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        // The background sleep was in the run's process group, so it must be gone (or a zombie
        // waiting for init to reap it) shortly after the run returns.
        var gone = false
        for _ in 0..<100 where !gone {
            let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
            let state = stat.flatMap { $0.range(of: ") ") }.flatMap { range in stat?[range.upperBound...].first }
            gone = stat == nil || state == "Z" || state == "X"
            if !gone { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(gone, "process \(pid) outlived the timed-out run")
    }
    #endif

    @Test func subprocessStopsARunawayWriter() async throws {
        let outcome = try await D.Subprocess.run(["/bin/sh", "-c", "yes flood"], environment: [:], timeout: 20)
        #expect(outcome.outputLimitExceeded && !outcome.timedOut)
        #expect(outcome.exitStatus == -9)
    }

    @Test func subprocessReportsSignals() async throws {
        let outcome = try await D.Subprocess.run(["/bin/sh", "-c", "kill -TERM $$"], environment: [:], timeout: 10)
        #expect(outcome.exitStatus == -15 && !outcome.timedOut)
    }
}
