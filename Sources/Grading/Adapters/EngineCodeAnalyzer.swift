import PythonEngine

/// `uses` facts from the engine's AST: every import, and every name and attribute chain.
public struct EngineCodeAnalyzer: CodeAnalyzer {
    public init() {}

    public func facts(for code: String) -> Result<CodeFacts, CodeAnalysisError> {
        let module: Module
        do {
            module = try PythonRuntime.parse(source: code, fileName: "<cell>")
        } catch {
            return .failure(CodeAnalysisError("the code could not be analysed: \(error.typeName) on line \(error.line): \(error.message)"))
        }
        return .success(ASTFactCollector.collect(module.body))
    }
}

/// Walks statements and expressions with an explicit work list (no recursion, so no depth limit
/// to worry about) and collects imports and references.
enum ASTFactCollector {
    enum Node {
        case stmt(Stmt)
        case expr(Expr)
    }

    static func collect(_ body: [Stmt]) -> CodeFacts {
        var facts = CodeFacts()
        var work: [Node] = body.reversed().map { .stmt($0) }
        while let node = work.popLast() {
            switch node {
            case let .stmt(stmt):
                work += children(of: stmt, facts: &facts).reversed()
            case let .expr(expr):
                if let path = referencePath(expr) { facts.references.append(NameReference(path, line: expr.line)) }
                work += children(of: expr).reversed().map { .expr($0) }
            }
        }
        return facts
    }

    /// `mp.Process` → ["mp", "Process"]; `get().map` → ["", "map"]; other expressions → nil.
    /// A context stands for its module: `mp.get_context("spawn").Process` → ["mp", "Process"].
    static func referencePath(_ expr: Expr) -> [String]? {
        switch expr.kind {
        case let .name(name): return [name]
        case .attribute:
            var names: [String] = []
            var current = expr
            while true {
                if case let .attribute(base, attribute) = current.kind {
                    names.append(attribute)
                    current = base
                } else if case let .call(function, _) = current.kind, case let .attribute(module, "get_context") = function.kind {
                    current = module
                } else {
                    break
                }
            }
            if case let .name(head) = current.kind { names.append(head) } else { names.append("") }
            return names.reversed()
        default: return nil
        }
    }

    static func children(of stmt: Stmt, facts: inout CodeFacts) -> [Node] {
        func e(_ list: [Expr]) -> [Node] { list.map { .expr($0) } }
        func s(_ list: [Stmt]) -> [Node] { list.map { .stmt($0) } }
        switch stmt.kind {
        case let .expr(value): return e([value])
        case let .assign(targets, value): return e(targets + [value])
        case let .augAssign(target, _, value): return e([target, value])
        case let .annAssign(target, annotation, value): return e([target, annotation] + (value.map { [$0] } ?? []))
        case let .functionDef(code, decorators): return e(decorators) + functionChildren(code)
        case let .classDef(definition):
            return e(definition.decorators) + e(definition.bases.map(argumentExpr)) + s(definition.body)
        case let .return(value): return e(value.map { [$0] } ?? [])
        case let .delete(targets): return e(targets)
        case .pass, .break, .continue, .global, .nonlocal: return []
        case let .if(test, body, orElse), let .while(test, body, orElse): return e([test]) + s(body) + s(orElse)
        case let .for(target, iter, body, orElse): return e([target, iter]) + s(body) + s(orElse)
        case let .with(items, body): return e(items.flatMap { [$0.context] + ($0.target.map { [$0] } ?? []) }) + s(body)
        case let .try(body, handlers, orElse, finally):
            return s(body) + handlers.flatMap { e($0.type.map { [$0] } ?? []) + s($0.body) } + s(orElse) + s(finally)
        case let .raise(exception, cause): return e([exception, cause].compactMap { $0 })
        case let .assert(test, message): return e([test] + (message.map { [$0] } ?? []))
        case let .import(aliases):
            facts.imports += aliases.map { ImportFact.importModule($0.name, as: $0.asName, line: stmt.line) }
            return []
        case let .importFrom(module, names, _):
            facts.imports += names.map { ImportFact.fromImport(module, $0.name, as: $0.asName, line: stmt.line) }
            return []
        }
    }

    static func functionChildren(_ code: FunctionCode) -> [Node] {
        let defaults = (code.parameters.positional + code.parameters.keywordOnly).compactMap(\.defaultValue)
        return defaults.map { .expr($0) } + code.body.map { .stmt($0) }
    }

    static func argumentExpr(_ argument: CallArgument) -> Expr {
        switch argument {
        case let .positional(value), let .star(value), let .keyword(_, value), let .doubleStar(value): return value
        }
    }

    static func children(of expr: Expr) -> [Expr] {
        switch expr.kind {
        case .name, .constant: return []
        case let .fstring(parts): return fieldExprs(parts)
        case let .tuple(items), let .list(items), let .set(items): return items
        case let .dict(items): return items.flatMap { [$0.key, $0.value].compactMap { $0 } }
        case let .starred(value), let .unary(_, value), let .yieldFrom(value), let .namedExpr(_, value): return [value]
        case let .attribute(base, _): return [base]
        case let .subscript(base, index): return [base, index]
        case let .slice(a, b, c): return [a, b, c].compactMap { $0 }
        case let .call(function, arguments): return [function] + arguments.map(argumentExpr)
        case let .binary(_, left, right): return [left, right]
        case let .boolOp(_, values): return values
        case let .compare(left, _, rights): return [left] + rights
        case let .ifExp(test, body, orElse): return [test, body, orElse]
        case let .lambda(code): return (code.parameters.positional + code.parameters.keywordOnly).compactMap(\.defaultValue) + code.body.compactMap { stmt in
            if case let .return(value) = stmt.kind { return value }
            if case let .expr(value) = stmt.kind { return value }
            return nil
        }
        case let .listComp(element, generators), let .setComp(element, generators), let .generatorExp(element, generators):
            return [element] + generators.flatMap { [$0.target, $0.iter] + $0.conditions }
        case let .dictComp(key, value, generators):
            return [key, value] + generators.flatMap { [$0.target, $0.iter] + $0.conditions }
        case let .yield(value): return value.map { [$0] } ?? []
        }
    }

    static func fieldExprs(_ parts: [FStringPart]) -> [Expr] {
        parts.flatMap { part -> [Expr] in
            if case let .field(value, _, spec, _) = part { return [value] + fieldExprs(spec ?? []) }
            return []
        }
    }
}
