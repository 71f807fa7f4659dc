#if canImport(Glibc)
import Glibc
#endif
import AnswerSheets
import ConceptScoring
import Foundation

/// A whole batch: generate sheets, read them, grade them end to end. And prose scoring alone.
extension Bench {
    mutating func benchBatch() throws {
        let assignment = try loadAssignment()
        let generator = BatchGenerator(assignment: assignment, samples: try loadSampleSheets())
        let dir = options.batchDirectory ?? scratch + "/batch"
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
        var distinctCells = Set<String>()
        let started = Clock.now()
        for file in files {
            do {
                let sheet = try reader.read(data: Data(file.bytes), name: file.name)
                questionsFound += sheet.questions.count
                cellsFound += sheet.questions.reduce(0) { $0 + $1.cells.count }
                for question in sheet.questions { distinctCells.formUnion(question.cells.map(\.code)) }
            } catch {
                failures += 1
            }
        }
        let seconds = Clock.now() - started
        add(BenchRow(group: "batch", name: "read \(files.count) generated sheets (SheetReader, 1 thread)",
                     throughput: Throughput(value: Double(files.count) / seconds, unit: "sheets/s", peakRSS: PeakMemory.ofSelf()),
                     note: "\(questionsFound) questions, \(cellsFound) cells found (\(distinctCells.count) distinct; "
                         + "\(Self.cellShapes(distinctCells)) once numbers and comments are set aside); "
                         + "\(failures) unreadable; RSS: this benchmark process"))

        try benchGrade(directory: dir, count: files.count)
    }

    /// Distinct cells up to their numbers and comments: how many different programs the batch
    /// really runs (the generator draws from the samples' cells and varies numbers).
    static func cellShapes(_ cells: Set<String>) -> Int {
        Set(cells.map { code in
            code.split(separator: "\n").map { line in
                let kept = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                return String(kept.filter { !$0.isNumber })
            }.joined(separator: "\n")
        }).count
    }

    /// `grader grade` end to end, once the pipeline is on main.
    mutating func benchGrade(directory: String, count: Int) throws {
        let grader = (Self.executablePath() as NSString).deletingLastPathComponent + "/grader"
        // The subcommand list of `grader --help` (an unknown subcommand's --help also exits 0).
        let help = TextFile.exists(grader) ? try? Subprocess(scratchDirectory: scratch).run(grader, ["--help"]) : nil
        let hasGrade = help?.stdout.split(separator: "\n").contains { $0.trimmingSpaces().hasPrefix("grade ") } ?? false
        guard hasGrade else {
            add(BenchRow(group: "batch", name: "grader grade, \(count) sheets",
                         note: "skipped: no `grader grade` (the pipeline is on branch `grading`, not on main yet; "
                             + "or no release `grader` built next to grader-bench)"))
            return
        }
        let rubric = root + "/rubrics/multiprocessing.yaml"
        let assignment = root + "/assignments/multiprocessing.md"
        let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        for jobs in [1, nil] as [Int?] {
            // One run each (a batch is long enough to average itself), into a fresh report
            // directory and with --force, so no stored result answers for a sheet.
            let out = scratch + "/reports-\(jobs.map(String.init) ?? "default")"
            var arguments = ["grade", directory, "--rubric", rubric, "--assignment", assignment, "--out", out,
                             "--format", "json", "--force"]
            if let jobs { arguments += ["--jobs", String(jobs)] }
            let rssReport = scratch + "/grade-rss"
            let usesTime = access("/usr/bin/time", X_OK) == 0
            let runner = Subprocess(scratchDirectory: scratch)
            let result = usesTime
                ? try runner.run("/usr/bin/time", ["-f", "%M", "-o", rssReport, grader] + arguments)
                : try runner.run(grader, arguments)
            let peak = usesTime ? TextFile.read(rssReport)?.split(separator: "\n").last.flatMap { Int($0.trimmingSpaces()) }.map { $0 * 1024 } : nil
            let label = jobs.map { "--jobs \($0)" } ?? "default jobs (\(cores) cores)"
            var note = "one run of \(Format.seconds(result.seconds)); exit \(result.exitStatus)"
            if result.exitStatus != 0 { note += ": " + Self.lastLine(result.stderr) }
            note += "; peak RSS: largest single process (GNU time)"
            add(BenchRow(group: "batch", name: "grader grade, \(count) sheets, \(label)",
                         throughput: Throughput(value: Double(count) / result.seconds, unit: "sheets/s", peakRSS: peak),
                         note: note))
        }
    }

    /// ConceptScorer alone: every prose answer of the samples and of a generated batch (the
    /// samples' answers recombined), scored against rubrics/multiprocessing.yaml.
    mutating func benchProse() throws {
        let rubricPath = root + "/rubrics/multiprocessing.yaml"
        guard TextFile.exists(rubricPath) else {
            add(BenchRow(group: "prose", name: "prose scoring", note: "skipped: no rubrics/multiprocessing.yaml"))
            return
        }
        let scorer: ConceptScorer
        do {
            scorer = try ConceptScorer.load(path: rubricPath)
        } catch {
            add(BenchRow(group: "prose", name: "prose scoring", note: "skipped: rubric does not load: \(error)"))
            return
        }
        let proseIDs = Set(scorer.proseQuestions.map(\.id))
        var answers: [(id: String, text: String)] = []
        for sheet in try loadSampleSheets() {
            for q in sheet.questions where proseIDs.contains(q.id) { answers.append((q.id, q.scoringText)) }
        }
        guard !answers.isEmpty else {
            add(BenchRow(group: "prose", name: "prose scoring", note: "skipped: no prose answers in the samples"))
            return
        }
        // Recombine sentences across answers to the same question so the set is larger and
        // varied, as a class's answers are.
        var byQuestion: [String: [String]] = [:]
        for a in answers { byQuestion[a.id, default: []].append(a.text) }
        var varied = answers
        for i in 0..<max(0, 500 - answers.count) {
            let a = answers[i % answers.count]
            let others = byQuestion[a.id] ?? [a.text]
            let other = others[(i * 7 + 3) % others.count]
            let sentences = other.split(separator: ".", omittingEmptySubsequences: true)
            let borrowed = sentences.isEmpty ? "" : String(sentences[i % sentences.count])
            varied.append((a.id, a.text + " " + borrowed + "."))
        }
        var failures = 0
        let m = plan.measure {
            let t = Clock.now()
            for a in varied {
                do { _ = try scorer.score(answer: a.text, for: a.id) } catch { failures += 1 }
            }
            return Clock.now() - t
        }
        add(BenchRow(group: "prose", name: "ConceptScorer.score, \(varied.count) answers",
                     throughput: Throughput(value: Double(varied.count) / m.median, unit: "answers/s", peakRSS: nil),
                     note: "median of \(m.samples.count) passes (\(Format.seconds(m.median)) a pass); \(failures) scoring errors"))
    }
}
