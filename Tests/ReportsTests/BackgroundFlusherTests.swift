import Foundation
import Testing
@testable import Reports

/// Results written without `fsync` and flushed by `BackgroundFlusher`: the same files, on disk.
@Suite struct BackgroundFlusherTests {
    @Test func storesEncodedFormsAndFlushesThem() throws {
        let root = try SampleResults.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = ResultStore(reportsDirectory: root)
        let flusher = BackgroundFlusher()
        var expected: [SubmissionResult] = []
        for submission in SampleResults.batch.submissions {
            let bytes = try ResultsJSONWriter().render(BatchResult(rubric: "r", submissions: [submission], graderVersion: "v"))
            let url = try store.write(encoded: bytes, file: submission.file, durable: false)
            #expect(try Data(contentsOf: url) == bytes)
            flusher.flush(url)
            expected += try ResultsJSONWriter().decode(bytes).submissions
        }
        // A file gone before its flush (pruned, replaced) is not a failure.
        flusher.flush(root.appendingPathComponent("results/gone.json"))
        #expect(flusher.finish().isEmpty)
        #expect(try store.readAll().submissions == expected.sorted { $0.file < $1.file })
        // Reusable after finish; nothing queued finishes at once.
        #expect(flusher.finish().isEmpty)
        flusher.flush(store.url(for: expected[0].file))
        #expect(flusher.finish().isEmpty)
    }

    @Test func reportsWhatCannotBeFlushed() {
        // A path whose parent is a file: open fails with ENOTDIR, not ENOENT.
        let failure = BackgroundFlusher.sync(path: "/dev/null/x", directory: false)
        #expect(failure?.contains("/dev/null/x") == true)
        #expect(BackgroundFlusher.sync(path: "/nonexistent-\(UUID().uuidString)", directory: false) == nil)
        #expect(BackgroundFlusher.sync(path: NSTemporaryDirectory(), directory: true) == nil)
    }
}
