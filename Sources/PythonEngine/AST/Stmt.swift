/// A statement node, with the position CPython reports for it in tracebacks.
public final class Stmt: Sendable {
    public let kind: StmtKind
    public let line: Int
    public let column: Int

    public init(_ kind: StmtKind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }
}

public struct WithItem: Sendable {
    public let context: Expr
    public let target: Expr?
}

public struct ExceptHandler: Sendable {
    public let type: Expr?
    public let name: String?
    public let body: [Stmt]
    public let line: Int
}

public struct ImportAlias: Sendable {
    public let name: String
    public let asName: String?
}

public struct ClassDef: Sendable {
    public let name: String
    public let bases: [CallArgument]
    public let body: [Stmt]
    public let decorators: [Expr]
    /// Names declared `global` / `nonlocal` in the class body.
    public let scope: ScopeInfo
}

public indirect enum StmtKind: Sendable {
    case expr(Expr)
    case assign(targets: [Expr], value: Expr)
    case augAssign(target: Expr, op: BinaryOp, value: Expr)
    case annAssign(target: Expr, annotation: Expr, value: Expr?)
    case functionDef(FunctionCode, decorators: [Expr])
    case classDef(ClassDef)
    case `return`(Expr?)
    case delete([Expr])
    case pass
    case `break`
    case `continue`
    case `if`(test: Expr, body: [Stmt], orElse: [Stmt])
    case `while`(test: Expr, body: [Stmt], orElse: [Stmt])
    case `for`(target: Expr, iter: Expr, body: [Stmt], orElse: [Stmt])
    case with(items: [WithItem], body: [Stmt])
    case `try`(body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finally: [Stmt])
    case raise(exception: Expr?, cause: Expr?)
    case assert(test: Expr, message: Expr?)
    case `import`([ImportAlias])
    case importFrom(module: String, names: [ImportAlias], level: Int)
    case global([String])
    case nonlocal([String])
}

/// A parsed module (a file or a notebook cell).
public struct Module: Sendable {
    public let body: [Stmt]
    public let fileName: String
    public let source: String
    /// Compile-time warnings CPython prints before running (e.g. `x is 1`).
    public var warnings: [CompileWarning] = []
}

/// A warning the compiler reports, printed as `file:line: Category: message`.
public struct CompileWarning: Sendable, Equatable {
    public let line: Int
    public let category: String
    public let message: String
}
