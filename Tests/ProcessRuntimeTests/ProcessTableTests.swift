#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import ProcessRuntime

/// `/proc/<pid>/stat` parsing (the sandbox's fallback cleanup reads it for every process on the
/// machine) and the kernel queries the quick cleanup relies on. Nothing here forks: the test
/// runner is threaded.
@Suite struct ProcessTableTests {
    func parse(_ line: String) -> ProcessTableEntry? {
        ProcessTable.StatFields(ArraySlice(Array(line.utf8)))?.entry(pid: 42)
    }

    @Test func readsStateParentAndGroupAfterTheCommand() {
        let entry = parse("42 (python3) S 7 42 7 34816 42 4194560 1203 0 0 0 5 1 0 0 20 0 1 0")
        #expect(entry == ProcessTableEntry(pid: 42, parentPID: 7, processGroup: 42, state: "S", command: "python3"))
    }

    @Test func commandsWithSpacesAndParenthesesAreCutAtTheLastParenthesis() {
        let entry = parse("42 (a) b (c)) Z 1 -1 0 0")
        #expect(entry?.command == "a) b (c)")
        #expect(entry?.state == "Z")
        #expect(entry?.parentPID == 1)
        #expect(entry?.processGroup == -1)
    }

    @Test func malformedLinesAreSkipped() {
        #expect(parse("") == nil)
        #expect(parse("42 (x") == nil)
        #expect(parse("42 (x) S") == nil)
        #expect(parse("42 (x) S 1x 2") == nil)
        #expect(parse("42 (x) SS 1 2") == nil)
        #expect(parse("42 (x) S 99999999999 2") == nil)
    }

    @Test func findsThisProcessAndItsGroup() throws {
        let me = try #require(ProcessTable.info(pid: getpid()))
        #expect(me.pid == getpid())
        #expect(me.parentPID == getppid())
        #expect(me.processGroup == getpgrp())
        // (Its state letter may change between two reads: compare the rest.)
        func same(_ entry: ProcessTableEntry) -> Bool {
            entry.pid == me.pid && entry.parentPID == me.parentPID && entry.processGroup == me.processGroup && entry.command == me.command
        }
        #expect(ProcessTable.members(ofGroup: getpgrp(), orChildrenOf: nil).contains(where: same))
        #expect(ProcessTable.snapshot().contains(where: same))
        #expect(ProcessTable.info(pid: -5) == nil)
    }

    @Test func kernelQueriesAnswerWithoutScanning() {
        // This process's own group exists; a group number no process uses does not.
        #expect(ProcessGroup.exists(getpgrp()))
        #expect(!ProcessGroup.exists(Int32.max - 1))
        #expect(!ProcessGroup.exists(1) && !ProcessGroup.exists(0))
    }
}
