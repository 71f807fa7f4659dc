import Foundation

/// One mark a human gave: a file's answer to a question.
public struct HumanMark: Sendable, Codable, Hashable {
    public var file: String
    public var question: String
    public var mark: Double

    public init(file: String, question: String, mark: Double) {
        self.file = file
        self.question = question
        self.mark = mark
    }
}

/// A problem in a human-marks CSV file, with its line.
public struct HumanMarksError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public var description: String { "\(file):\(line): \(message)" }
}

/// Reads human marks from CSV: a header row naming the columns `file`, `question` and `mark`
/// (any order, any case, other columns ignored), then one row per mark. Fields may be quoted
/// (`"a, b"`, with `""` for a quote); blank lines and lines starting with `#` are skipped.
public enum HumanMarksReader {
    public static func read(path: String) throws(HumanMarksError) -> [HumanMark] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw HumanMarksError(file: path, line: 0, message: "cannot read: \(error.localizedDescription)")
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String = "<marks>") throws(HumanMarksError) -> [HumanMark] {
        let rows = try CSVRecords.parse(text, file: file).filter { row in
            !(row.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }) && !(row.fields.first?.hasPrefix("#") ?? false)
        }
        guard let header = rows.first else { throw HumanMarksError(file: file, line: 1, message: "empty file; expected a header row: file,question,mark") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var columns: [String: Int] = [:]
        for name in ["file", "question", "mark"] {
            guard let index = names.firstIndex(of: name) else {
                throw HumanMarksError(file: file, line: header.line, message: "header has no '\(name)' column (found: \(names.joined(separator: ", ")))")
            }
            columns[name] = index
        }
        var marks: [HumanMark] = []
        var seen: [String: Int] = [:]
        for row in rows.dropFirst() {
            func field(_ name: String) throws(HumanMarksError) -> String {
                let index = columns[name] ?? 0
                guard index < row.fields.count else {
                    throw HumanMarksError(file: file, line: row.line, message: "missing '\(name)' field (\(row.fields.count) fields, header has \(names.count))")
                }
                return row.fields[index].trimmingCharacters(in: .whitespaces)
            }
            let sheet = try field("file"), question = try field("question"), markText = try field("mark")
            guard let mark = Double(markText), mark.isFinite, mark >= 0 else {
                throw HumanMarksError(file: file, line: row.line, message: "mark '\(markText)' is not a number of 0 or more")
            }
            let key = sheet + "\u{0}" + question
            if let first = seen[key] {
                throw HumanMarksError(file: file, line: row.line, message: "second mark for \(sheet) \(question) (first on line \(first))")
            }
            seen[key] = row.line
            marks.append(HumanMark(file: sheet, question: question, mark: mark))
        }
        return marks
    }
}

/// Minimal RFC 4180 CSV: records of fields, quoted fields may hold commas, quotes and newlines.
enum CSVRecords {
    struct Record {
        var fields: [String]
        var line: Int
    }

    static func parse(_ text: String, file: String) throws(HumanMarksError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1, recordLine = 1
        var characters = Array(text.replacingOccurrences(of: "\r\n", with: "\n"))
        if characters.first == "\u{FEFF}" { characters.removeFirst() }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if inQuotes {
                if character == "\"" {
                    if index + 1 < characters.count, characters[index + 1] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character == "\n" { line += 1 }
                    field.append(character)
                }
            } else if character == "\"" && field.trimmingCharacters(in: .whitespaces).isEmpty {
                field = ""
                inQuotes = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else if character == "\n" {
                fields.append(field)
                records.append(Record(fields: fields, line: recordLine))
                fields = []
                field = ""
                line += 1
                recordLine = line
            } else {
                field.append(character)
            }
            index += 1
        }
        if inQuotes { throw HumanMarksError(file: file, line: recordLine, message: "unclosed quote") }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append(Record(fields: fields, line: recordLine))
        }
        return records
    }
}
