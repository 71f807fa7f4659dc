/// A scope's variables at run time. Module globals, a function call's locals and a class body
/// each get one. Which environment a name lives in is decided statically (see `ScopeInfo`), so
/// lookups never guess.
///
/// A function's locals live in `slots`, indexed by the positions the parser assigned
/// (`FunctionCode.slotIndex`, and `NameSlot` on each name node), so the common local read or
/// write is an array access; module, class and comprehension scopes use the `values` table,
/// probed with the hash each name node carries (`NameSlot.hash`).
final class Environment {
    var values: NameTable
    var slots: ContiguousArray<PyObject?>
    /// For function scopes: each local name's slot.
    let slotIndex: [String: Int]?
    /// The enclosing function environment (for closures); nil for module scope.
    let parent: Environment?
    /// Static facts of the function this environment belongs to; nil for modules.
    let scope: ScopeInfo?
    let isClassBody: Bool

    init(parent: Environment?, scope: ScopeInfo?, isClassBody: Bool = false) {
        self.values = NameTable()
        self.slots = []
        self.slotIndex = nil
        self.parent = parent
        self.scope = scope
        self.isClassBody = isClassBody
    }

    /// A function call's environment with one empty slot per local.
    init(function code: FunctionCode, parent: Environment?) {
        self.values = NameTable()
        self.slots = ContiguousArray(repeating: nil, count: code.slotIndex.count)
        self.slotIndex = code.slotIndex
        self.parent = parent
        self.scope = code.scope
        self.isClassBody = false
    }

    /// A function call's environment whose slots the caller already filled (the call fast path).
    init(function code: FunctionCode, parent: Environment?, slots: ContiguousArray<PyObject?>) {
        self.values = NameTable()
        self.slots = slots
        self.slotIndex = code.slotIndex
        self.parent = parent
        self.scope = code.scope
        self.isClassBody = false
    }

    func get(_ name: String) -> PyObject? {
        if let i = slotIndex?[name] { return slots[i] }
        return values[name]
    }

    func set(_ name: String, _ value: PyObject) {
        if let i = slotIndex?[name] { slots[i] = value } else { values[name] = value }
    }

    /// Removes a binding; false when the name was not bound.
    func remove(_ name: String) -> Bool {
        if let i = slotIndex?[name] {
            if slots[i] == nil { return false }
            slots[i] = nil
            return true
        }
        return values.removeValue(forKey: name) != nil
    }
}
