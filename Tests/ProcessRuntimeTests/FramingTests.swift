#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import ProcessRuntime

@Suite struct FramingTests {
    @Test func largeAndManyMessagesAcrossProcesses() throws {
        let report = try ProbeRunner.run(["framing"])
        #expect(report.int("smallIntact") == 1_000)
        #expect(report.bool("bigIntact") == true)
        #expect(report.bool("afterBigIntact") == true)
        #expect(report.bool("cleanEnd") == true)
        #expect(report.int("writerStatus") == 0)
        #expect(report.string("truncated") == "stream ended in the middle of a message (14 of 104 bytes received)")
        #expect(report.bool("emptyReadTimedOut") == true)
        #expect(report.bool("partialTimedOut") == true)
        #expect(report.bool("resumed") == true)
        #expect(report.string("tooLarge") == "message of 4294967295 bytes exceeds the limit of 1024 bytes")
        #expect(report.ints("pollerReady") == [1])
    }

    /// CPython's Queue shape: two writers and three readers on one pipe, each side taking turns
    /// with a process-shared lock. Every message arrives exactly once, intact.
    @Test func sharedPipeWithLockedWritersAndReaders() throws {
        let report = try ProbeRunner.run(["shared-queue"])
        #expect(report.bool("writersOk") == true)
        #expect(report.bool("readersOk") == true)
        #expect(report.int("received") == 600)
        #expect(report.int("corrupted") == 0)
        #expect(report.bool("checksumMatches") == true)
    }

    /// Framing within one process (no fork): messages written then read back, including empty.
    @Test func roundTripInOneProcess() throws {
        let pipe = try ProcessPipe()
        // Each end is closed exactly once: in a threaded test process a number closed twice may
        // already belong to another test.
        defer { pipe.readEnd.closeQuietly() }
        let writer = FramedWriter(descriptor: pipe.writeEnd)
        let reader = FramedReader(descriptor: pipe.readEnd)
        let messages: [[UInt8]] = [[], [1], Array("héllo".utf8), [UInt8](repeating: 9, count: 3_000)]
        for message in messages { try writer.write(message) }
        for message in messages { #expect(try reader.read() == message) }
        #expect(try reader.read(timeout: 0.01) == .timedOut)
        pipe.writeEnd.closeQuietly()
        #expect(try reader.read(timeout: 1) == .endOfStream)
    }

    @Test func writingToAClosedPipeIsAnError() throws {
        signal(SIGPIPE, SIG_IGN)
        let pipe = try ProcessPipe()
        pipe.readEnd.closeQuietly()
        defer { pipe.writeEnd.closeQuietly() }
        #expect(throws: FramingError.peerClosed) { try FramedWriter(descriptor: pipe.writeEnd).write([1, 2, 3]) }
    }

    @Test func pollerTimesOutWithNothingReady() throws {
        let pipe = try ProcessPipe()
        defer { pipe.closeQuietly() }
        #expect(try Poller.readable([pipe.readEnd], timeout: 0.01).isEmpty)
        try pipe.writeEnd.writeAll([1])
        #expect(try Poller.readable([pipe.readEnd], timeout: 1) == [pipe.readEnd])
    }

    @Test func pipeEndsAreCloseOnExec() throws {
        let pipe = try ProcessPipe()
        defer { pipe.closeQuietly() }
        #expect(fcntl(pipe.readEnd.rawValue, F_GETFD) & FD_CLOEXEC != 0)
        #expect(fcntl(pipe.writeEnd.rawValue, F_GETFD) & FD_CLOEXEC != 0)
    }
}

@Suite struct SocketPairTests {
    /// Both ends read and write: a duplex channel in one process (no fork needed).
    @Test func framesTravelBothWays() throws {
        let pair = try SocketPair()
        defer { pair.first.closeQuietly() }
        try FramedWriter(descriptor: pair.first).write("ping")
        #expect(try FramedReader(descriptor: pair.second).read() == Array("ping".utf8))
        try FramedWriter(descriptor: pair.second).write("pong")
        #expect(try FramedReader(descriptor: pair.first).read() == Array("pong".utf8))
        pair.second.closeQuietly()
        #expect(try FramedReader(descriptor: pair.first).read(timeout: 1) == .endOfStream)
    }
}
