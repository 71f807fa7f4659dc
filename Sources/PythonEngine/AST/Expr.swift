import BigInt

/// An expression node. A final class (not a struct) so nodes are shared, not copied, as the
/// interpreter walks them, and so every node carries its own position for tracebacks.
public final class Expr: Sendable {
    public let kind: ExprKind
    public let line: Int
    public let column: Int
    /// Where the expression's source ends (1-based column just past its last character), for
    /// the caret lines under tracebacks; 0 when unknown (nodes built outside the parser).
    public let endLine: Int
    public let endColumn: Int
    /// For literals: the immutable value object, built once so evaluating a literal allocates
    /// nothing (ints, floats, strs and bytes are immutable, so sharing them is safe).
    let constantValue: PyObject?
    /// For names: the local slot the parser resolved (-1: not a local of the enclosing function).
    let nameSlot: NameSlot?
    /// For calls whose arguments are all plain positional ones: how many (the call fast path
    /// needs no per-call scan of the arguments). -1 otherwise, and for every other node.
    let positionalCallArity: Int

    public init(_ kind: ExprKind, line: Int, column: Int, endLine: Int = 0, endColumn: Int = 0) {
        self.kind = kind
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        if case .name(let n) = kind { nameSlot = NameSlot(name: n) } else { nameSlot = nil }
        if case .call(_, let args) = kind, args.allSatisfy({ if case .positional = $0 { return true } else { return false } }) {
            positionalCallArity = args.count
        } else {
            positionalCallArity = -1
        }
        if case .constant(let c) = kind {
            switch c {
            case .none: constantValue = PyNone.shared
            case .ellipsis: constantValue = PyEllipsis.shared
            case .bool(let b): constantValue = PyBool.of(b)
            case .int(let i): constantValue = PyInt.make(i)
            case .float(let d): constantValue = PyFloat(d)
            case .imaginary(let d): constantValue = PyComplex(0, d)
            case .str(let s): constantValue = PyString(s)
            case .bytes(let b): constantValue = PyBytes(b)
            }
        } else {
            constantValue = nil
        }
    }
}

/// The resolved slot of a name node. Written once by the parser when the enclosing function's
/// body is complete (before the AST is shared), read-only afterwards.
final class NameSlot: @unchecked Sendable {
    /// The local slot (>= 0), or one of the markers below.
    var index = NameSlot.unresolved
    /// The name itself (the same as the node's `.name` payload, kept here so the hot paths need
    /// not take the enum apart).
    let name: String
    /// `NameTable.hash` of the name, so global, builtin, class-body and comprehension lookups
    /// never hash the string at run time.
    let hash: Int

    init(name: String) {
        self.name = name
        self.hash = NameTable.hash(name)
    }

    /// Not resolved: module level, class bodies, comprehension bodies.
    static let unresolved = -1
    /// Inside a function, a name the function neither binds nor declares: free (an enclosing
    /// function's variable, a global or a builtin).
    static let free = -2
    /// Inside a function, a name declared `global`.
    static let declaredGlobal = -3

    /// Inside a comprehension in a function: the function's slot holding this name (one of the
    /// function's locals that no enclosing comprehension rebinds); -1 otherwise.
    var outerIndex = -1
}

public enum Constant: Sendable {
    case none, ellipsis
    case bool(Bool)
    case int(BigInt)
    case float(Double)
    case imaginary(Double)
    case str(String)
    case bytes([UInt8])
}

public enum UnaryOp: String, Sendable { case not = "not", negate = "-", plus = "+", invert = "~" }

public enum BinaryOp: String, Sendable {
    case add = "+", sub = "-", mul = "*", div = "/", floorDiv = "//", mod = "%", pow = "**"
    case lshift = "<<", rshift = ">>", bitAnd = "&", bitOr = "|", bitXor = "^", matMul = "@"
}

public enum CompareOp: String, Sendable {
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case `is` = "is", isNot = "is not", `in` = "in", notIn = "not in"
}

/// One argument at a call site.
public enum CallArgument: Sendable {
    case positional(Expr)
    case star(Expr)
    case keyword(String, Expr)
    case doubleStar(Expr)
}

/// A `for ... in ... if ...` clause of a comprehension.
public struct Comprehension: Sendable {
    public let target: Expr
    public let iter: Expr
    public let conditions: [Expr]
}

public struct DictItem: Sendable {
    /// nil for `**mapping` unpacking.
    public let key: Expr?
    public let value: Expr
}

/// A piece of an f-string: literal text, or a replacement field.
public enum FStringPart: Sendable {
    case literal(String)
    /// expression, conversion (`r`, `s`, `a` or nil), format spec (itself an f-string), and the
    /// `expr=` debugging text to print before the value.
    case field(Expr, conversion: Character?, spec: [FStringPart]?, debugText: String?)
}

public indirect enum ExprKind: Sendable {
    case name(String)
    case constant(Constant)
    case fstring([FStringPart])
    case tuple([Expr])
    case list([Expr])
    case set([Expr])
    case dict([DictItem])
    case starred(Expr)
    case attribute(Expr, String)
    case `subscript`(Expr, Expr)
    case slice(Expr?, Expr?, Expr?)
    case call(Expr, [CallArgument])
    case unary(UnaryOp, Expr)
    case binary(BinaryOp, Expr, Expr)
    case boolOp(isAnd: Bool, [Expr])
    case compare(Expr, [CompareOp], [Expr])
    case ifExp(test: Expr, body: Expr, orElse: Expr)
    case lambda(FunctionCode)
    case listComp(Expr, [Comprehension])
    case setComp(Expr, [Comprehension])
    case dictComp(key: Expr, value: Expr, [Comprehension])
    case generatorExp(Expr, [Comprehension])
    case yield(Expr?)
    case yieldFrom(Expr)
    case namedExpr(String, Expr)
}
