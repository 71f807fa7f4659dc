// API:
//   struct SupportError: Error, Equatable, Sendable
//     let kind: SupportError.Kind      // .valueError, .overflowError, .zeroDivisionError, .typeError, .indexError
//     let message: String               // exactly CPython's message text (no "ValueError: " prefix)
//     var pythonTypeName: String        // "ValueError", ... (== kind.rawValue)

/// The one error type thrown by the Support utilities.
///
/// Support code knows nothing of the engine's exception objects, so it reports the Python
/// exception *class name* and CPython's exact message; the interpreter turns that into a real
/// Python exception (`raise ValueError(message)`). Keeping it a plain value makes the utilities
/// testable on their own and keeps the dependency pointing one way (engine -> Support).
struct SupportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The Python exception class to raise; the raw value is its name as CPython prints it.
    enum Kind: String, Sendable {
        case valueError = "ValueError"
        case overflowError = "OverflowError"
        case zeroDivisionError = "ZeroDivisionError"
        case typeError = "TypeError"
        case indexError = "IndexError"
        case notImplementedError = "NotImplementedError"
    }

    let kind: Kind
    let message: String

    init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    static func valueError(_ message: String) -> SupportError { SupportError(.valueError, message) }
    static func overflowError(_ message: String) -> SupportError { SupportError(.overflowError, message) }
    static func zeroDivision(_ message: String) -> SupportError { SupportError(.zeroDivisionError, message) }
    static func typeError(_ message: String) -> SupportError { SupportError(.typeError, message) }
    static func indexError(_ message: String) -> SupportError { SupportError(.indexError, message) }

    /// The exception class name, e.g. `"ValueError"`.
    var pythonTypeName: String { kind.rawValue }

    /// `"ValueError: message"`, the last line of a CPython traceback.
    var description: String { "\(kind.rawValue): \(message)" }
}
