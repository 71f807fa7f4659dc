/// What a `uses` check needs to know about a piece of code, taken from its AST: the imports
/// (which bind names to modules) and every dotted name the code refers to.
///
/// Building this from the AST rather than searching the text is what keeps `uses` honest:
/// a name in a comment or a string is not a use, and `import multiprocessing as mp` followed by
/// `mp.Process(...)` is one. The engine's AST is turned into facts in `CodeFacts+Engine.swift`;
/// tests build facts directly.
public struct CodeFacts: Sendable, Equatable {
    public var imports: [ImportFact]
    public var references: [NameReference]

    public init(imports: [ImportFact] = [], references: [NameReference] = []) {
        self.imports = imports
        self.references = references
    }

    /// Facts of several cells run together (a question's cells share one namespace).
    public static func combined(_ parts: [CodeFacts]) -> CodeFacts {
        CodeFacts(imports: parts.flatMap(\.imports), references: parts.flatMap(\.references))
    }
}

/// One name an import statement binds.
public struct ImportFact: Sendable, Equatable {
    /// `import a.b` binds `a` to module `a`; `import a.b as c` binds `c` to `a.b`;
    /// `from a import b as c` binds `c` to `a.b`; `from a import *` binds every unbound name.
    public enum Kind: Sendable, Equatable {
        case module(String)
        case member(module: String, name: String)
        case star(module: String)
    }

    public var kind: Kind
    /// The local name bound (`nil` for a star import).
    public var boundName: String?
    public var line: Int

    public init(kind: Kind, boundName: String?, line: Int = 0) {
        self.kind = kind
        self.boundName = boundName
        self.line = line
    }

    /// `import a.b.c [as x]`.
    public static func importModule(_ module: String, as alias: String? = nil, line: Int = 0) -> ImportFact {
        if let alias { return ImportFact(kind: .module(module), boundName: alias, line: line) }
        let head = module.split(separator: ".").first.map(String.init) ?? module
        return ImportFact(kind: .module(head), boundName: head, line: line)
    }

    /// `from module import name [as alias]`, or `from module import *` when `name` is `*`.
    public static func fromImport(_ module: String, _ name: String, as alias: String? = nil, line: Int = 0) -> ImportFact {
        if name == "*" { return ImportFact(kind: .star(module: module), boundName: nil, line: line) }
        return ImportFact(kind: .member(module: module, name: name), boundName: alias ?? name, line: line)
    }
}

/// A chain of names the code refers to: `mp.Process` is `["mp", "Process"]`; an attribute of
/// something that is not a plain name (`get_pool().map`, `items[0].start`) starts with `""`:
/// `["", "map"]`.
public struct NameReference: Sendable, Equatable {
    public var path: [String]
    public var line: Int

    public init(_ path: [String], line: Int = 0) {
        self.path = path
        self.line = line
    }
}

/// The names a `uses` check may ask for.
public enum APIName {
    /// `multiprocessing.Pool`, `concurrent.futures.ProcessPoolExecutor`, `.start`, `print`.
    public static func isValid(_ api: String) -> Bool {
        let body = api.hasPrefix(".") ? String(api.dropFirst()) : api
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { part in
            guard let first = part.first, first == "_" || first.isLetter else { return false }
            return part.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
        } && !(api.hasPrefix(".") && parts.count != 1)
    }
}

/// Resolves references through the imports and decides which APIs the code uses.
public struct APIUsageResolver: Sendable {
    public let facts: CodeFacts

    public init(facts: CodeFacts) {
        self.facts = facts
    }

    /// Every qualified name the code refers to, resolved through its imports: with
    /// `import multiprocessing as mp`, `mp.Process` is `multiprocessing.Process`; with
    /// `from multiprocessing import Pool`, `Pool` is `multiprocessing.Pool`. Names that no
    /// import binds stay as written (`print`, `p.start`).
    public func resolvedNames() -> [(name: String, line: Int)] {
        var bindings: [String: String] = [:]
        var starModules: [String] = []
        for fact in facts.imports {
            switch fact.kind {
            case let .module(module):
                if let bound = fact.boundName { bindings[bound] = module }
            case let .member(module, name):
                if let bound = fact.boundName { bindings[bound] = "\(module).\(name)" }
            case let .star(module):
                starModules.append(module)
            }
        }
        var names: [(String, Int)] = []
        for reference in facts.references {
            guard let head = reference.path.first, !head.isEmpty else {
                names.append((reference.path.joined(separator: "."), reference.line))
                continue
            }
            let rest = reference.path.dropFirst()
            if let module = bindings[head] {
                names.append((([module] + rest).joined(separator: "."), reference.line))
            } else {
                names.append((reference.path.joined(separator: "."), reference.line))
                // `from multiprocessing import *` then `Process(...)`: the star import may be
                // what binds it; count both readings (a name no import binds is a builtin or a
                // local, never a multiprocessing API by accident unless star-imported).
                for module in starModules {
                    names.append((([module, head] + rest).joined(separator: "."), reference.line))
                }
            }
        }
        return names
    }

    /// The line of the first use of `api`, or `nil` when the code never uses it. A method
    /// (`.start`) is used when any attribute of that name is referred to; a qualified name when
    /// a reference resolves to it (or to something inside it: `multiprocessing.Pool` is used by
    /// `multiprocessing.Pool.map` too).
    public func firstUse(of api: String, in names: [(name: String, line: Int)]) -> Int? {
        if api.hasPrefix(".") {
            let method = String(api.dropFirst())
            return facts.references.first { $0.path.count >= 2 && $0.path.last == method }?.line
        }
        return names.first { $0.name == api || $0.name.hasPrefix(api + ".") }?.line
    }
}
