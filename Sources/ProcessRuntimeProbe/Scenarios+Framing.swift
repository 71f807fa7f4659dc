#if canImport(Glibc)
import Glibc
#endif
import ProcessRuntime

extension Scenarios {
    /// A deterministic payload so the reader can check every byte.
    static func payload(index: Int, length: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: length)
        bytes.withUnsafeMutableBufferPointer { buffer in
            for offset in buffer.indices { buffer[offset] = UInt8(truncatingIfNeeded: offset &* 31 &+ index &* 7) }
        }
        return bytes
    }

    static func framing() throws -> Report {
        var report = Report()
        let smallCount = 1_000
        let bigLength = 1024 * 1024 + 17

        // Many messages of varied sizes (including empty ones and ones larger than a pipe's
        // buffer) and one large message, from a child through one pipe.
        let pipe = try ProcessPipe()
        let writer = try ChildProcess.fork {
            pipe.readEnd.closeQuietly()
            let framed = FramedWriter(descriptor: pipe.writeEnd)
            do {
                for index in 0..<smallCount {
                    try framed.write(payload(index: index, length: (index * 37) % 5_000))
                }
                try framed.write(payload(index: -1, length: bigLength))
                try framed.write(payload(index: 1, length: 70_000))
            } catch {
                return 1
            }
            return 0
        }
        pipe.writeEnd.closeQuietly()
        let reader = FramedReader(descriptor: pipe.readEnd)
        var intact = 0
        for index in 0..<smallCount {
            if try reader.read() == payload(index: index, length: (index * 37) % 5_000) { intact += 1 }
        }
        report.set("smallIntact", intact)
        report.set("bigIntact", try reader.read() == payload(index: -1, length: bigLength))
        report.set("afterBigIntact", try reader.read() == payload(index: 1, length: 70_000))
        report.set("cleanEnd", try reader.read() == nil)
        report.set("writerStatus", Int(try writer.wait()?.pythonExitCode ?? 999))
        pipe.readEnd.closeQuietly()

        // A writer that dies in the middle of a frame: an error, not a clean end.
        let broken = try ProcessPipe()
        let halfWriter = try ChildProcess.fork {
            broken.readEnd.closeQuietly()
            var bytes: [UInt8] = [0, 0, 0, 100]
            bytes += [UInt8](repeating: 7, count: 10)
            _ = try? broken.writeEnd.writeAll(bytes)
            return 0
        }
        broken.writeEnd.closeQuietly()
        let brokenReader = FramedReader(descriptor: broken.readEnd)
        do {
            _ = try brokenReader.read()
            report.set("truncated", "no error")
        } catch let error as FramingError {
            report.set("truncated", String(describing: error))
        }
        _ = try halfWriter.wait()
        broken.readEnd.closeQuietly()

        // Timeouts: nothing arrives, then a frame arrives in two halves across two reads.
        let slow = try ProcessPipe()
        let slowReader = FramedReader(descriptor: slow.readEnd)
        let started = MonotonicClock.nowSeconds()
        report.set("emptyReadTimedOut", try slowReader.read(timeout: 0.1) == .timedOut)
        report.set("timeoutElapsed", MonotonicClock.nowSeconds() - started)
        try slow.writeEnd.writeAll([0, 0, 0, 4, 1, 2])
        let firstHalf = try slowReader.read(timeout: 0.05)
        report.set("partialTimedOut", firstHalf == .timedOut && slowReader.isMidFrame)
        try slow.writeEnd.writeAll([3, 4])
        report.set("resumed", try slowReader.read(timeout: 1) == .message([1, 2, 3, 4]))

        // Oversized header.
        try slow.writeEnd.writeAll([0xff, 0xff, 0xff, 0xff])
        let tight = FramedReader(descriptor: slow.readEnd, maxFrameLength: 1024)
        do {
            _ = try tight.read()
            report.set("tooLarge", "no error")
        } catch {
            report.set("tooLarge", String(describing: error))
        }
        slow.closeQuietly()

        // Poller across several pipes: only the one written to is reported.
        let pipes = try (0..<3).map { _ in try ProcessPipe() }
        try pipes[1].writeEnd.writeAll([42])
        let ready = try Poller.readable(pipes.map(\.readEnd), timeout: 1)
        report.set("pollerReady", ready.map { pipes.map(\.readEnd).firstIndex(of: $0) ?? -1 })
        pipes.forEach { $0.closeQuietly() }
        return report
    }
}

extension Scenarios {
    /// CPython's `Queue` shape: one pipe, several writers serialised by a write lock, several
    /// readers serialised by a read lock. Every message must arrive exactly once and intact,
    /// including those larger than `PIPE_BUF` (not atomic on their own).
    static func sharedQueue() throws -> Report {
        var report = Report()
        let region = try SharedMemoryRegion(size: 1 << 16)
        let writeLock = try ProcessLock(in: region)
        let readLock = try ProcessLock(in: region)
        let received = try SharedInt64(in: region, initialValue: 0)
        let corrupted = try SharedInt64(in: region, initialValue: 0)
        let checksum = try SharedInt64(in: region, initialValue: 0)
        let tally = try ProcessMutex(in: region)
        let pipe = try ProcessPipe()
        let perWriter = 300

        func message(writer: Int, index: Int) -> [UInt8] {
            let length = 1 + (index * 131 + writer * 17) % 9_000
            return [UInt8(writer), UInt8(index & 0xff), UInt8(index >> 8)] + payload(index: index + writer, length: length)
        }

        var readers: [ChildProcess] = []
        for _ in 0..<3 {
            readers.append(try ChildProcess.fork {
                let reader = FramedReader(descriptor: pipe.readEnd)
                while true {
                    guard (try? readLock.acquire()) == true else { return 2 }
                    let next = try? reader.read()
                    try? readLock.release()
                    guard let bytes = next ?? nil, bytes != [0xff] else { return 0 }
                    let writer = Int(bytes[0])
                    let index = Int(bytes[1]) | Int(bytes[2]) << 8
                    tally.withLock {
                        if bytes == message(writer: writer, index: index) {
                            received.add(1)
                            checksum.add(Int64(writer * 100_000 + index))
                        } else {
                            corrupted.add(1)
                        }
                    }
                }
            })
        }
        let writers = try forkAll(2) { writer in
            let framed = FramedWriter(descriptor: pipe.writeEnd)
            for index in 0..<perWriter {
                guard (try? writeLock.acquire()) == true else { return 2 }
                defer { try? writeLock.release() }
                guard (try? framed.write(message(writer: writer, index: index))) != nil else { return 3 }
            }
            return 0
        }
        let stopper = FramedWriter(descriptor: pipe.writeEnd)
        for _ in readers { try stopper.write([0xff]) }
        let readerStatuses = try readers.map { try $0.wait() ?? .exited(-1) }
        pipe.closeQuietly()

        let expectedChecksum = (0..<2).reduce(0) { sum, writer in
            sum + (0..<perWriter).reduce(0) { $0 + writer * 100_000 + $1 }
        }
        report.set("writersOk", writers.allSatisfy(\.isSuccess))
        report.set("readersOk", readerStatuses.allSatisfy(\.isSuccess))
        report.set("received", Int(received.value))
        report.set("corrupted", Int(corrupted.value))
        report.set("checksumMatches", Int(checksum.value) == expectedChecksum)
        return report
    }
}
