/// Arguments at a call: positional values and keywords in source order.
struct CallArgs {
    var positional: [PyObject]
    var keywords: [(String, PyObject)]

    init(_ positional: [PyObject] = [], keywords: [(String, PyObject)] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    func keyword(_ name: String) -> PyObject? {
        keywords.first { $0.0 == name }?.1
    }
}

/// A function defined by `def` or `lambda`: shared code plus the defaults and the environment it
/// closes over.
final class PyFunction: PyObject, @unchecked Sendable {
    let code: FunctionCode
    let defaults: [PyObject]
    let keywordDefaults: [String: PyObject]
    /// The scope the function was defined in (its closure), nil at module level.
    let closure: Environment?
    let globals: Environment
    var attributes: [String: PyObject] = [:]
    /// The class whose body defined this function (CPython's `__class__` cell), for `super()`.
    @exclusivity(unchecked) var definingClass: PyClass?
    var name: String
    var qualifiedName: String
    let moduleName: String
    /// The file (or notebook cell) the function was defined in, for its traceback lines.
    @exclusivity(unchecked) var fileName = "<string>"

    init(code: FunctionCode, defaults: [PyObject], keywordDefaults: [String: PyObject], closure: Environment?, globals: Environment, moduleName: String) {
        self.code = code
        self.defaults = defaults
        self.keywordDefaults = keywordDefaults
        self.closure = closure
        self.globals = globals
        self.name = code.name
        self.qualifiedName = code.qualifiedName
        self.moduleName = moduleName
    }

    override var pyClass: PyClass { BuiltinTypes.function }
}

typealias NativeBody = (Interpreter, CallArgs) throws -> PyObject

/// A function implemented in Swift (builtins, module functions, methods of builtin types).
final class PyNativeFunction: PyObject, @unchecked Sendable {
    let name: String
    /// The owning type's name for methods (`list.append`), used in messages and repr.
    let ownerName: String?
    let body: NativeBody
    /// Module functions and builtins are not bound when found on a class; methods are.
    let isMethod: Bool

    init(_ name: String, owner: String? = nil, isMethod: Bool = false, _ body: @escaping NativeBody) {
        self.name = name
        self.ownerName = owner
        self.isMethod = isMethod
        self.body = body
    }

    override var pyClass: PyClass { isMethod ? BuiltinTypes.methodDescriptor : BuiltinTypes.builtinFunction }
}

final class PyBoundMethod: PyObject, @unchecked Sendable {
    let receiver: PyObject
    let function: PyObject
    init(receiver: PyObject, function: PyObject) {
        self.receiver = receiver
        self.function = function
    }
    override var pyClass: PyClass {
        function is PyNativeFunction ? BuiltinTypes.builtinFunction : BuiltinTypes.method
    }
}

final class PyStaticMethod: PyObject, @unchecked Sendable {
    let function: PyObject
    init(_ f: PyObject) { function = f }
    override var pyClass: PyClass { BuiltinTypes.staticmethod }
}

final class PyClassMethod: PyObject, @unchecked Sendable {
    let function: PyObject
    init(_ f: PyObject) { function = f }
    override var pyClass: PyClass { BuiltinTypes.classmethod }
}

final class PyProperty: PyObject, @unchecked Sendable {
    var getter: PyObject?
    var setter: PyObject?
    var deleter: PyObject?
    init(getter: PyObject?, setter: PyObject?, deleter: PyObject?) {
        self.getter = getter
        self.setter = setter
        self.deleter = deleter
    }
    override var pyClass: PyClass { BuiltinTypes.property }
}

/// `super()` bound to a class position in an object's MRO.
final class PySuper: PyObject, @unchecked Sendable {
    let startAfter: PyClass
    let object: PyObject
    init(startAfter: PyClass, object: PyObject) {
        self.startAfter = startAfter
        self.object = object
    }
    override var pyClass: PyClass { BuiltinTypes.superType }
}

/// A Swift-implemented iterator (over a list, a range, `map`, `zip`, ...). `next` returns nil at
/// the end instead of raising, so the common `for` loop never allocates a StopIteration.
final class PyNativeIterator: PyObject, @unchecked Sendable {
    let typeName: String
    let nextValue: (Interpreter) throws -> PyObject?
    var exhausted = false
    init(_ typeName: String, _ next: @escaping (Interpreter) throws -> PyObject?) {
        self.typeName = typeName
        self.nextValue = next
    }
    override var pyClass: PyClass { BuiltinTypes.iteratorType(typeName) }
}
