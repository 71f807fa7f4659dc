/// A scope's variables at run time. Module globals, a function call's locals and a class body
/// each get one. Which environment a name lives in is decided statically (see `ScopeInfo`), so
/// lookups never guess.
///
/// A function's locals live in slots, indexed by the positions the parser assigned
/// (`FunctionCode.slotIndex`, and `NameSlot` on each name node), so the common local read or
/// write is a memory access; module, class and comprehension scopes use the `values` table,
/// probed with the hash each name node carries (`NameSlot.hash`).
///
/// The slots are a buffer this object allocates and frees itself rather than a
/// `ContiguousArray`: creating an array of `PyObject?` went through the standard library's
/// unspecialised allocation path (a generic metadata lookup, ≈ 500 instructions a call), and
/// every element access paid a bounds check and a dynamic exclusivity check. `values` is read on
/// every global access: `@exclusivity(unchecked)` drops Swift's dynamic exclusivity check
/// (`swift_beginAccess`, ≈ 75 instructions an access). Safe because no access to it overlaps
/// another: each is a single probe or store, and nothing a store calls (releasing the old value)
/// touches an environment.
final class Environment {
    @exclusivity(unchecked) var values: NameTable
    /// Number of local slots (0 outside functions).
    let slotCount: Int
    private let slotBase: UnsafeMutablePointer<PyObject?>?
    /// The function this is a call of (nil for module, class-body and comprehension scopes).
    /// Its slot map and scope facts are read through it: one reference to retain per call
    /// instead of a dictionary and a `ScopeInfo`.
    let code: FunctionCode?
    /// The scope facts given to the non-function initialiser (nil in practice).
    private let ownScope: ScopeInfo?
    /// The enclosing function environment (for closures); nil for module scope.
    let parent: Environment?
    let isClassBody: Bool

    /// For function scopes: each local name's slot.
    var slotIndex: [String: Int]? { code?.slotIndex }
    /// Static facts of the function this environment belongs to; nil for modules.
    var scope: ScopeInfo? {
        if let code { return code.scope }
        return ownScope
    }

    init(parent: Environment?, scope: ScopeInfo?, isClassBody: Bool = false) {
        self.values = NameTable()
        self.slotCount = 0
        self.slotBase = nil
        self.code = nil
        self.ownScope = scope
        self.parent = parent
        self.isClassBody = isClassBody
    }

    /// A function call's environment with one empty slot per local.
    init(function code: FunctionCode, parent: Environment?) {
        self.values = NameTable()
        let n = code.slotIndex.count
        self.slotCount = n
        if n > 0 {
            let base = UnsafeMutablePointer<PyObject?>.allocate(capacity: n)
            base.initialize(repeating: nil, count: n)
            self.slotBase = base
        } else {
            self.slotBase = nil
        }
        self.code = code
        self.ownScope = nil
        self.parent = parent
        self.isClassBody = false
    }

    deinit {
        if let slotBase {
            // Storing nil releases each value inline; what is left (`.none`) is trivial, so the
            // buffer can be freed without the runtime's generic `deinitialize` (≈ 100
            // instructions a call).
            for i in 0..<slotCount { slotBase[i] = nil }
            slotBase.deallocate()
        }
    }

    /// The value in local slot `i` (nil: unbound, or `i` out of range).
    @inline(__always)
    func slot(_ i: Int) -> PyObject? {
        guard i >= 0, i < slotCount, let base = slotBase else { return nil }
        return base[i]
    }

    /// Stores into local slot `i`; false (and nothing stored) when `i` is out of range.
    @inline(__always)
    @discardableResult
    func setSlot(_ i: Int, _ value: PyObject?) -> Bool {
        guard i >= 0, i < slotCount, let base = slotBase else { return false }
        base[i] = value
        return true
    }

    func get(_ name: String) -> PyObject? {
        if let i = slotIndex?[name] { return slot(i) }
        return values[name]
    }

    func set(_ name: String, _ value: PyObject) {
        if let i = slotIndex?[name], setSlot(i, value) { return }
        values[name] = value
    }

    /// Removes a binding; false when the name was not bound.
    func remove(_ name: String) -> Bool {
        if let i = slotIndex?[name] {
            if slot(i) == nil { return false }
            setSlot(i, nil)
            return true
        }
        return values.removeValue(forKey: name) != nil
    }
}
