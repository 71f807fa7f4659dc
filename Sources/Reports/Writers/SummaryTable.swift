/// The class summary both summary writers print: a row per student with each question's score
/// and the total, then the class mean and median.
///
/// Sheets that could not be graded show `ERROR` and are left out of the mean and median (a
/// crash is not a zero the student earned); `gradedCount` says how many the statistics cover.
struct SummaryTable {
    var columns: [String]
    var rows: [Row]
    var mean: [Double?]
    var median: [Double?]
    var gradedCount: Int
    var errorCount: Int
    var maxTotal: Double?

    struct Row {
        var student: String
        /// One cell per question column, then the total; `nil` where the sheet has no score.
        var cells: [Double?]
        var percent: Double?
        var error: String?
    }

    init(_ batch: BatchResult) {
        let columns = GradebookCSVWriter.questionColumns(batch.submissions)
        self.columns = columns
        rows = batch.submissions.map { s in
            guard s.succeeded else {
                return Row(student: s.studentName, cells: Array(repeating: nil, count: columns.count + 1), percent: nil, error: s.error)
            }
            let scores = Dictionary(s.questions.map { ($0.id, $0.score) }, uniquingKeysWith: +)
            return Row(
                student: s.studentName,
                cells: columns.map { scores[$0] ?? 0 } + [s.score],
                percent: s.max > 0 ? s.percent : nil,
                error: nil
            )
        }
        let graded = rows.filter { $0.error == nil }
        gradedCount = graded.count
        errorCount = rows.count - graded.count
        let columnCount = columns.count + 1
        mean = (0..<columnCount).map { i in Statistics.mean(graded.compactMap { $0.cells[i] }) }
        median = (0..<columnCount).map { i in Statistics.median(graded.compactMap { $0.cells[i] }) }
        let maxima = Set(batch.submissions.filter(\.succeeded).map { ScoreValue.round($0.max) })
        maxTotal = maxima.count == 1 ? maxima.first : nil
    }
}
