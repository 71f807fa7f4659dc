import AnswerSheets
import Foundation

/// A whole batch: generate sheets, read them, grade them end to end. And prose scoring alone.
extension Bench {
    mutating func benchBatch() throws {
        let assignment = try loadAssignment()
        let generator = BatchGenerator(assignment: assignment, samples: try loadSampleSheets())
        let dir = scratch + "/batch"
        try TextFile.makeDirectory(dir)
        var files: [(name: String, bytes: [UInt8])] = []
        for i in 0..<options.batchSize {
            let sheet = generator.sheet(i)
            try TextFile.writeBytes(sheet.bytes, to: dir + "/" + sheet.name)
            files.append(sheet)
        }
        log("generated \(files.count) sheets in \(dir)")

        // Reading alone (SheetReader, one thread): a floor for the batch figure.
        let reader = SheetReader(assignment: assignment)
        var questionsFound = 0
        var cellsFound = 0
        var failures = 0
        let started = Clock.now()
        for file in files {
            do {
                let sheet = try reader.read(data: Data(file.bytes), name: file.name)
                questionsFound += sheet.questions.count
                cellsFound += sheet.questions.reduce(0) { $0 + $1.cells.count }
            } catch {
                failures += 1
            }
        }
        let seconds = Clock.now() - started
        add(BenchRow(group: "batch", name: "read \(files.count) generated sheets (SheetReader, 1 thread)",
                     throughput: Throughput(value: Double(files.count) / seconds, unit: "sheets/s", peakRSS: PeakMemory.ofSelf()),
                     note: "\(questionsFound) questions, \(cellsFound) cells found; \(failures) unreadable"))

        try benchGrade(directory: dir, count: files.count)
    }

    /// `grader grade` end to end, once the pipeline is on main.
    mutating func benchGrade(directory: String, count: Int) throws {
        let grader = (Self.executablePath() as NSString).deletingLastPathComponent + "/grader"
        guard TextFile.exists(grader), let help = try? Subprocess(scratchDirectory: scratch).run(grader, ["grade", "--help"]),
              help.exitStatus == 0 else {
            add(BenchRow(group: "batch", name: "grader grade, \(count) sheets",
                         note: "skipped: no `grader grade` (the pipeline is on branch `grading`, not on main yet; "
                             + "or no release `grader` built next to grader-bench)"))
            return
        }
        add(BenchRow(group: "batch", name: "grader grade, \(count) sheets",
                     note: "skipped: `grader grade` exists but this harness does not know its options yet"))
    }

    mutating func benchProse() {
        add(BenchRow(group: "prose", name: "prose scoring (answers/s)",
                     note: "skipped: ConceptScoring is on branch `rubric`, not on main yet"))
    }
}
