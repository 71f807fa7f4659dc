/// A scope's variables at run time. Module globals, a function call's locals and a class body
/// each get one. Which environment a name lives in is decided statically (see `ScopeInfo`), so
/// lookups never guess.
final class Environment {
    var values: [String: PyObject]
    /// The enclosing function environment (for closures); nil for module scope.
    let parent: Environment?
    /// Static facts of the function this environment belongs to; nil for modules.
    let scope: ScopeInfo?
    let isClassBody: Bool

    init(parent: Environment?, scope: ScopeInfo?, isClassBody: Bool = false, capacity: Int = 0) {
        self.values = capacity > 0 ? Dictionary(minimumCapacity: capacity) : [:]
        self.parent = parent
        self.scope = scope
        self.isClassBody = isClassBody
    }
}
