extension Expr {
    /// The first `yield`/`yield from` inside this expression, not looking into lambdas.
    var firstYield: Expr? {
        switch kind {
        case .yield, .yieldFrom: return self
        case .name, .constant, .lambda: return nil
        case .fstring(let parts):
            for case .field(let e, _, _, _) in parts { if let y = e.firstYield { return y } }
            return nil
        case .tuple(let items), .list(let items), .set(let items): return items.lazy.compactMap(\.firstYield).first
        case .dict(let items):
            for item in items {
                if let y = item.key?.firstYield ?? item.value.firstYield { return y }
            }
            return nil
        case .starred(let e), .attribute(let e, _), .unary(_, let e), .namedExpr(_, let e): return e.firstYield
        case .subscript(let a, let b), .binary(_, let a, let b): return a.firstYield ?? b.firstYield
        case .slice(let a, let b, let c): return a?.firstYield ?? b?.firstYield ?? c?.firstYield
        case .call(let f, let args):
            if let y = f.firstYield { return y }
            for a in args {
                switch a {
                case .positional(let e), .star(let e), .keyword(_, let e), .doubleStar(let e):
                    if let y = e.firstYield { return y }
                }
            }
            return nil
        case .boolOp(_, let items): return items.lazy.compactMap(\.firstYield).first
        case .compare(let first, _, let rest): return first.firstYield ?? rest.lazy.compactMap(\.firstYield).first
        case .ifExp(let a, let b, let c): return a.firstYield ?? b.firstYield ?? c.firstYield
        case .listComp(let e, let comps), .setComp(let e, let comps), .generatorExp(let e, let comps):
            return e.firstYield ?? comps.lazy.compactMap { $0.iter.firstYield }.first
        case .dictComp(let k, let v, let comps):
            return k.firstYield ?? v.firstYield ?? comps.lazy.compactMap { $0.iter.firstYield }.first
        }
    }
}

extension Parser {
    /// The engine runs generators without threads by re-entering statements (see
    /// `Interpreter+Generators.swift`), which needs `yield` at statement level: `yield x`,
    /// `y = yield x`, `yield from g`. Anything else is reported here, at parse time, as
    /// unsupported, instead of running wrongly.
    func checkYieldPlacement(_ body: [Stmt]) throws(PythonSyntaxError) {
        func reject(_ e: Expr?) throws(PythonSyntaxError) {
            if let y = e?.firstYield {
                throw unsupported("yield inside an expression", line: y.line, column: y.column)
            }
        }
        func operand(_ e: Expr) throws(PythonSyntaxError) {
            switch e.kind {
            case .yield(let v): try reject(v)
            case .yieldFrom(let v): try reject(v)
            default: try reject(e)
            }
        }
        for s in body {
            switch s.kind {
            case .expr(let e): try operand(e)
            case .assign(let targets, let value):
                for t in targets { try reject(t) }
                try operand(value)
            case .augAssign(let t, _, let v): try reject(t); try reject(v)
            case .annAssign(let t, _, let v): try reject(t); try reject(v)
            case .return(let e): try reject(e)
            case .delete(let ts): for t in ts { try reject(t) }
            case .if(let test, let b, let o), .while(let test, let b, let o):
                try reject(test)
                try checkYieldPlacement(b)
                try checkYieldPlacement(o)
            case .for(let t, let iter, let b, let o):
                try reject(t); try reject(iter)
                try checkYieldPlacement(b)
                try checkYieldPlacement(o)
            case .with(let items, let b):
                for item in items { try reject(item.context); try reject(item.target) }
                try checkYieldPlacement(b)
            case .try(let b, let handlers, let o, let f):
                try checkYieldPlacement(b)
                for h in handlers { try reject(h.type); try checkYieldPlacement(h.body) }
                try checkYieldPlacement(o)
                try checkYieldPlacement(f)
            case .raise(let e, let c): try reject(e); try reject(c)
            case .assert(let t, let m): try reject(t); try reject(m)
            case .functionDef, .classDef, .pass, .break, .continue, .import, .importFrom, .global, .nonlocal: break
            }
        }
    }
}
