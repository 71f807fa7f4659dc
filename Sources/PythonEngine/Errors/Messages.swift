/// CPython 3.11's wording for the runtime errors programs meet most, in one place so the texts
/// stay consistent and can be checked against `python3` together. (Rarer messages are written
/// where they are raised.)
enum Messages {
    static func nameNotDefined(_ name: String) -> String { "name '\(name)' is not defined" }
    static func unboundLocal(_ name: String) -> String {
        "cannot access local variable '\(name)' where it is not associated with a value"
    }
    static func unboundFree(_ name: String) -> String {
        "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope"
    }
    static func noAttribute(_ typeName: String, _ name: String) -> String { "'\(typeName)' object has no attribute '\(name)'" }
    static func moduleNoAttribute(_ module: String, _ name: String) -> String { "module '\(module)' has no attribute '\(name)'" }
    static func typeNoAttribute(_ type: String, _ name: String) -> String { "type object '\(type)' has no attribute '\(name)'" }
    static func notCallable(_ typeName: String) -> String { "'\(typeName)' object is not callable" }
    static func notIterable(_ typeName: String) -> String { "'\(typeName)' object is not iterable" }
    static func notSubscriptable(_ typeName: String) -> String { "'\(typeName)' object is not subscriptable" }
    static func noItemAssignment(_ typeName: String) -> String { "'\(typeName)' object does not support item assignment" }
    static func unsupportedOperands(_ op: String, _ a: String, _ b: String) -> String {
        "unsupported operand type(s) for \(op): '\(a)' and '\(b)'"
    }
    static func unorderable(_ op: String, _ a: String, _ b: String) -> String {
        "'\(op)' not supported between instances of '\(a)' and '\(b)'"
    }
    static func noLen(_ typeName: String) -> String { "object of type '\(typeName)' has no len()" }
    static let divisionByZero = "division by zero"
    static let integerDivisionByZero = "integer division or modulo by zero"
    static let integerModuloByZero = "integer modulo by zero"
    static let recursion = "maximum recursion depth exceeded"
}
