// API:
//   struct SupportError: Error, Equatable, Sendable
//     let kind: SupportError.Kind      // raw value = the Python class name: ValueError, OverflowError,
//                                      // ZeroDivisionError, TypeError, IndexError, NotImplementedError,
//                                      // LookupError, UnicodeDecodeError, UnicodeEncodeError, MemoryError
//     let message: String               // exactly CPython's message text (no "ValueError: " prefix)
//     var pythonTypeName: String        // "ValueError", ... (== kind.rawValue)
//   enum SupportLimits { static let maxResultLength: Int }   // refuse results longer than this
//   func checkResultLength(_ n: Int) throws(SupportError)     // MemoryError beyond the limit

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
        case lookupError = "LookupError"
        case unicodeDecodeError = "UnicodeDecodeError"
        case unicodeEncodeError = "UnicodeEncodeError"
        /// Raised (with an empty message, as CPython prints a bare `MemoryError`) when a result
        /// would exceed `SupportLimits.maxResultLength`.
        case memoryError = "MemoryError"
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

    /// `"ValueError: message"`, the last line of a CPython traceback (a bare name when the
    /// message is empty, as CPython prints `MemoryError`).
    var description: String { message.isEmpty ? kind.rawValue : "\(kind.rawValue): \(message)" }
}

/// Sizes beyond which the utilities refuse work instead of exhausting memory. CPython would try
/// (and usually die with MemoryError); a grader must stay up, so hostile input such as
/// `f"{x:999999999}"` or `"a".center(10**10)` ends in a Python MemoryError instead.
enum SupportLimits {
    /// Longest string (in code points) or list a single operation may produce.
    static let maxResultLength = 50_000_000
}

/// Throws MemoryError when an operation would produce more than `SupportLimits.maxResultLength`.
func checkResultLength(_ n: Int) throws(SupportError) {
    if n > SupportLimits.maxResultLength { throw SupportError(.memoryError, "") }
}
