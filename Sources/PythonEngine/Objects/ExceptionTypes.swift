/// CPython's exception hierarchy (the part programs meet), as builtin classes.
enum ExceptionTypes {
    static func make(_ name: String, _ base: PyClass?) -> PyClass {
        PyClass(name: name, bases: [base ?? BuiltinTypes.object])
    }

    static let baseException = make("BaseException", nil)
    static let systemExit = make("SystemExit", baseException)
    static let keyboardInterrupt = make("KeyboardInterrupt", baseException)
    static let generatorExit = make("GeneratorExit", baseException)
    static let exception = make("Exception", baseException)
    static let stopIteration = make("StopIteration", exception)
    static let arithmeticError = make("ArithmeticError", exception)
    static let zeroDivisionError = make("ZeroDivisionError", arithmeticError)
    static let overflowError = make("OverflowError", arithmeticError)
    static let floatingPointError = make("FloatingPointError", arithmeticError)
    static let assertionError = make("AssertionError", exception)
    static let attributeError = make("AttributeError", exception)
    static let bufferError = make("BufferError", exception)
    static let eofError = make("EOFError", exception)
    static let importError = make("ImportError", exception)
    static let moduleNotFoundError = make("ModuleNotFoundError", importError)
    static let lookupError = make("LookupError", exception)
    static let indexError = make("IndexError", lookupError)
    static let keyError = make("KeyError", lookupError)
    static let memoryError = make("MemoryError", exception)
    static let nameError = make("NameError", exception)
    static let unboundLocalError = make("UnboundLocalError", nameError)
    static let osError = make("OSError", exception)
    static let fileNotFoundError = make("FileNotFoundError", osError)
    static let fileExistsError = make("FileExistsError", osError)
    static let permissionError = make("PermissionError", osError)
    static let timeoutError = make("TimeoutError", osError)
    static let brokenPipeError = make("BrokenPipeError", osError)
    static let processLookupError = make("ProcessLookupError", osError)
    static let childProcessError = make("ChildProcessError", osError)
    static let isADirectoryError = make("IsADirectoryError", osError)
    static let runtimeError = make("RuntimeError", exception)
    static let notImplementedError = make("NotImplementedError", runtimeError)
    static let recursionError = make("RecursionError", runtimeError)
    static let syntaxError = make("SyntaxError", exception)
    static let indentationError = make("IndentationError", syntaxError)
    static let tabError = make("TabError", indentationError)
    static let systemError = make("SystemError", exception)
    static let typeError = make("TypeError", exception)
    static let valueError = make("ValueError", exception)
    static let unicodeError = make("UnicodeError", valueError)
    static let unicodeDecodeError = make("UnicodeDecodeError", unicodeError)
    static let unicodeEncodeError = make("UnicodeEncodeError", unicodeError)
    static let warning = make("Warning", exception)
    static let userWarning = make("UserWarning", warning)
    static let deprecationWarning = make("DeprecationWarning", warning)
    static let runtimeWarning = make("RuntimeWarning", warning)

    static let all: [PyClass] = [
        baseException, systemExit, keyboardInterrupt, generatorExit, exception, stopIteration,
        arithmeticError, zeroDivisionError, overflowError, floatingPointError, assertionError,
        attributeError, bufferError, eofError, importError, moduleNotFoundError, lookupError, indexError,
        keyError, memoryError, nameError, unboundLocalError, osError, fileNotFoundError, fileExistsError,
        permissionError, timeoutError, brokenPipeError, processLookupError, childProcessError,
        isADirectoryError, runtimeError, notImplementedError, recursionError, syntaxError,
        indentationError, tabError, systemError, typeError, valueError, unicodeError, unicodeDecodeError,
        unicodeEncodeError, warning, userWarning, deprecationWarning, runtimeWarning,
    ]

    static let byName: [String: PyClass] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
}

/// A Python exception travelling through Swift code.
struct PyError: Error {
    let exception: PyExceptionObject
}

/// A limit of the sandbox (step budget, deadline, output cap) was hit. Not a Python exception:
/// `except Exception` cannot swallow it, so a runaway cell always stops.
public struct EngineLimitError: Error, Sendable, Equatable {
    public let message: String
}
