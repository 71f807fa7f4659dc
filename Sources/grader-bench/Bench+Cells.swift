import AnswerSheets
import Foundation

/// Every code cell of the sample submissions, each run as a script on its own (a cell that
/// uses a name from an earlier cell fails the same way on both sides, and the row says so).
extension Bench {
    struct SampleCell {
        var sheet: String
        var question: String
        var index: Int
        var code: String
    }

    func loadAssignment() throws -> Assignment {
        do {
            return try Assignment.load(from: URL(fileURLWithPath: root + "/assignments/multiprocessing.md"))
        } catch {
            throw BenchError("cannot load assignments/multiprocessing.md: \(error)")
        }
    }

    /// The sample sheets, read with `SheetReader`, in file-name order.
    func loadSampleSheets() throws -> [AnswerSheet] {
        let reader = SheetReader(assignment: try loadAssignment())
        let directory = root + "/submissions"
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { !$0.hasPrefix(".") && $0 != "README.md" }
            .sorted()
        var sheets: [AnswerSheet] = []
        for name in names {
            do {
                sheets.append(try reader.read(fileAt: URL(fileURLWithPath: directory + "/" + name), name: name))
            } catch {
                log("skipping submissions/\(name): \(error)")
            }
        }
        return sheets
    }

    /// Distinct code cells of the samples, in sheet and question order.
    func sampleCells() throws -> [SampleCell] {
        var seen: Set<String> = []
        var cells: [SampleCell] = []
        for sheet in try loadSampleSheets() {
            for question in sheet.questions {
                for (i, cell) in question.cells.enumerated() where !cell.code.isEmpty {
                    guard seen.insert(cell.code).inserted else { continue }
                    cells.append(SampleCell(sheet: sheet.file, question: question.id, index: i + 1, code: cell.code))
                }
            }
        }
        return cells
    }

    mutating func benchCells() throws {
        let dir = scratch + "/cells"
        try TextFile.makeDirectory(dir)
        for cell in try sampleCells() {
            let stem = cell.sheet.split(separator: ".").first.map(String.init) ?? cell.sheet
            let file = "\(dir)/\(stem)-\(cell.question)-\(cell.index).py"
            try compareScript(group: "cells", name: "\(stem) \(cell.question) cell \(cell.index)", source: cell.code, file: file)
        }
    }
}
