/// Resolves the names a function body reads and writes to its local slots. Only names that
/// belong to the function's own scope are resolved: bodies of nested functions, lambdas, class
/// bodies and the inner parts of comprehensions have scopes of their own and keep the
/// dictionary path (their defaults, decorators, bases and first iterable are evaluated in this
/// scope, so those are resolved). Names the function does not bind are marked free or
/// declared-global, so reading them skips the run-time scope search (see `NameSlot`).
///
/// Inside the function's comprehensions (which run in frames of their own), a name that is one
/// of the function's locals and not a loop target of that comprehension or an enclosing one
/// gets `NameSlot.outerIndex`: the comprehension reads it straight from the function's slot.
struct SlotResolver {
    let index: [String: Int]
    let bindings: [String: NameBinding]
    /// nil: resolving the function's own scope. Otherwise resolving inside a comprehension,
    /// whose loop targets (and those of enclosing comprehensions) are these names.
    let comprehensionTargets: Set<String>?

    init(code: FunctionCode) {
        index = code.slotIndex
        bindings = code.scope.bindings
        comprehensionTargets = nil
    }

    private init(index: [String: Int], bindings: [String: NameBinding], comprehensionTargets: Set<String>) {
        self.index = index
        self.bindings = bindings
        self.comprehensionTargets = comprehensionTargets
    }

    /// The inner parts of a comprehension (everything but its first iterable, which the caller
    /// resolved in the enclosing scope), resolved in the comprehension's own scope.
    func visitComprehension(_ elements: [Expr], _ comps: [Comprehension]) {
        var targets = comprehensionTargets ?? []
        for c in comps { SlotResolver.collectNames(c.target, into: &targets) }
        let inner = SlotResolver(index: index, bindings: bindings, comprehensionTargets: targets)
        for (i, c) in comps.enumerated() {
            if i > 0 { inner.visit(c.iter) }
            for cond in c.conditions { inner.visit(cond) }
        }
        for e in elements { inner.visit(e) }
    }

    /// The names an assignment target binds (`a`, `a, (b, *c)`).
    static func collectNames(_ target: Expr, into names: inout Set<String>) {
        switch target.kind {
        case .name(let n): names.insert(n)
        case .tuple(let items), .list(let items): for i in items { collectNames(i, into: &names) }
        case .starred(let x): collectNames(x, into: &names)
        default: break
        }
    }

    func resolve(_ body: [Stmt]) {
        for s in body { visit(s) }
    }

    func visit(_ s: Stmt) {
        switch s.kind {
        case .expr(let e): visit(e)
        case .assign(let targets, let value):
            for t in targets { visit(t) }
            visit(value)
        case .augAssign(let t, _, let v): visit(t); visit(v)
        case .annAssign(let t, let a, let v): visit(t); visit(a); if let v { visit(v) }
        case .functionDef(let code, let decorators):
            for d in decorators { visit(d) }
            visitDefaults(code)
        case .classDef(let cd):
            for d in cd.decorators { visit(d) }
            for a in cd.bases { visit(a) }
        case .return(let e): if let e { visit(e) }
        case .delete(let ts): for t in ts { visit(t) }
        case .pass, .break, .continue, .global, .nonlocal, .import, .importFrom: break
        case .if(let test, let b, let o), .while(let test, let b, let o):
            visit(test); resolve(b); resolve(o)
        case .for(let t, let iter, let b, let o):
            visit(t); visit(iter); resolve(b); resolve(o)
        case .with(let items, let b):
            for item in items {
                visit(item.context)
                if let t = item.target { visit(t) }
            }
            resolve(b)
        case .try(let b, let handlers, let o, let f):
            resolve(b)
            for h in handlers {
                if let t = h.type { visit(t) }
                resolve(h.body)
            }
            resolve(o)
            resolve(f)
        case .raise(let e, let c): if let e { visit(e) }; if let c { visit(c) }
        case .assert(let t, let m): visit(t); if let m { visit(m) }
        }
    }

    func visitDefaults(_ code: FunctionCode) {
        for p in code.parameters.positional { if let d = p.defaultValue { visit(d) } }
        for p in code.parameters.keywordOnly { if let d = p.defaultValue { visit(d) } }
    }

    func visit(_ a: CallArgument) {
        switch a {
        case .positional(let e), .star(let e), .keyword(_, let e), .doubleStar(let e): visit(e)
        }
    }

    func visit(_ parts: [FStringPart]) {
        for case .field(let e, _, let spec, _) in parts {
            visit(e)
            if let spec { visit(spec) }
        }
    }

    func visit(_ e: Expr) {
        switch e.kind {
        case .name(let n):
            if let targets = comprehensionTargets {
                if !targets.contains(n), let i = index[n] { e.nameSlot?.outerIndex = i }
            } else if let i = index[n] {
                e.nameSlot?.index = i
            } else {
                switch bindings[n] {
                case nil: e.nameSlot?.index = NameSlot.free
                case .global?: e.nameSlot?.index = NameSlot.declaredGlobal
                case .local?, .nonlocal?: break
                }
            }
        case .constant: break
        case .fstring(let parts): visit(parts)
        case .tuple(let items), .list(let items), .set(let items), .boolOp(_, let items): for i in items { visit(i) }
        case .dict(let items):
            for item in items {
                if let k = item.key { visit(k) }
                visit(item.value)
            }
        case .starred(let x), .attribute(let x, _), .unary(_, let x), .yieldFrom(let x): visit(x)
        case .namedExpr(let n, let x):
            // The walrus target is a string bound through the environment; only the value here.
            _ = n
            visit(x)
        case .subscript(let a, let b), .binary(_, let a, let b): visit(a); visit(b)
        case .slice(let a, let b, let c):
            if let a { visit(a) }
            if let b { visit(b) }
            if let c { visit(c) }
        case .call(let f, let args):
            visit(f)
            for a in args { visit(a) }
        case .compare(let first, _, let rest):
            visit(first)
            for r in rest { visit(r) }
        case .ifExp(let a, let b, let c): visit(a); visit(b); visit(c)
        case .lambda(let code): visitDefaults(code)
        case .listComp(let elt, let comps), .setComp(let elt, let comps), .generatorExp(let elt, let comps):
            if let first = comps.first { visit(first.iter) }
            visitComprehension([elt], comps)
        case .dictComp(let k, let v, let comps):
            if let first = comps.first { visit(first.iter) }
            visitComprehension([k, v], comps)
        case .yield(let x): if let x { visit(x) }
        }
    }
}
