/// Why a sheet could not be read at all. (Problems the reader can work around become warnings
/// on the sheet instead.) Every message names the file, so a batch log is readable on its own.
public struct SheetReadError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case unreadable, tooLarge, binary, undecodable, malformedNotebook
    }

    public var file: String
    public var kind: Kind
    public var reason: String

    public init(file: String, kind: Kind, reason: String) {
        self.file = file
        self.kind = kind
        self.reason = reason
    }

    public var description: String { "\(file): \(reason)" }
}
