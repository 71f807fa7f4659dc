/// How a name is resolved inside one scope, decided once at parse time (Python scoping is static).
public enum NameBinding: Sendable, Equatable {
    /// Assigned in this function (a parameter, an assignment target, a def/class/import name).
    case local
    /// Declared `global`.
    case global
    /// Declared `nonlocal`.
    case nonlocal
}

/// The static scope facts of a function, lambda or class body.
public struct ScopeInfo: Sendable {
    /// Names bound in this scope and how; a name absent here is free (enclosing, global, builtin).
    public var bindings: [String: NameBinding] = [:] {
        didSet { hasDeclarations = bindings.values.contains { $0 != .local } }
    }
    public var isGenerator = false
    /// Whether any name is declared `global`/`nonlocal` (if not, every store is a local store).
    public private(set) var hasDeclarations = false
}

public struct Parameter: Sendable {
    public let name: String
    public let defaultValue: Expr?
}

public struct Parameters: Sendable {
    public var positionalOnly: [Parameter] = []
    public var regular: [Parameter] = []
    public var varArgs: String?
    public var keywordOnly: [Parameter] = []
    public var varKeywords: String?

    /// Parameters that can be filled by position, in order.
    public var positional: [Parameter] { positionalOnly + regular }
    public var allNames: [String] {
        var names = (positionalOnly + regular).map(\.name)
        if let v = varArgs { names.append(v) }
        names += keywordOnly.map(\.name)
        if let k = varKeywords { names.append(k) }
        return names
    }
}

/// The code of a `def` or `lambda`: shared by every function object created from it.
public final class FunctionCode: Sendable {
    public let name: String
    /// Dotted path shown by `repr` and pickling errors (`main.<locals>.double`).
    public let qualifiedName: String
    public let parameters: Parameters
    public let body: [Stmt]
    public let scope: ScopeInfo
    public let line: Int
    public let isLambda: Bool
    public let docString: String?
    /// Slot of each local variable (parameters and every name the body binds).
    public let slotIndex: [String: Int]
    /// Slots of the positional parameters, in order (the fast path of argument binding).
    let positionalSlots: [Int]
    /// The number of parameters when they are all plain positional ones (no `*args`,
    /// keyword-only or `**kwargs`): a call with exactly that many positional arguments fills
    /// the slots directly. -1 otherwise.
    let simplePositionalArity: Int

    public init(name: String, qualifiedName: String, parameters: Parameters, body: [Stmt], scope: ScopeInfo, line: Int, isLambda: Bool, docString: String?) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.parameters = parameters
        self.body = body
        self.scope = scope
        self.line = line
        self.isLambda = isLambda
        self.docString = docString
        let locals = scope.bindings.filter { $0.value == .local }.keys.sorted()
        var index: [String: Int] = [:]
        for (i, n) in locals.enumerated() { index[n] = i }
        self.slotIndex = index
        self.positionalSlots = parameters.positional.map { index[$0.name] ?? 0 }
        let simple = parameters.varArgs == nil && parameters.varKeywords == nil && parameters.keywordOnly.isEmpty
        self.simplePositionalArity = simple ? positionalSlots.count : -1
    }
}
