#if canImport(Glibc)
import Glibc
#endif

/// Frees deeply nested containers without overflowing the stack.
///
/// Releasing the last reference to a list nested a million deep (`x = [x]` in a loop), or to a
/// long linked list of instances, releases each level from inside the previous level's
/// `deinit`: a few Swift frames per level, until the thread's stack runs out and the grader
/// crashes. CPython has the same problem and solves it with its "trashcan": past a fixed depth
/// of nested deallocations, the contents of a container being freed are parked, and the
/// outermost deallocation frees what was parked, in a loop. This is that mechanism; the
/// containers (list, tuple, dict, set) hand their contents to `dispose` from their `deinit`.
enum Trashcan {
    /// Nested deallocations allowed before contents are parked: deep enough that ordinary
    /// structures never park anything, shallow enough for any thread's stack.
    static let maximumDepth = 64

    /// Per-thread state: interpreters run on several threads in the tests and the batch grader,
    /// and each thread's deallocations nest on that thread's stack only.
    /// Its fields are only ever touched by `dispose` on the owning thread, so they opt out of
    /// the runtime's exclusivity checks (which cost more than `dispose` itself: every container
    /// free goes through here).
    final class State {
        @exclusivity(unchecked) var depth = 0
        @exclusivity(unchecked) var parked: [Any] = []
    }

    /// Whether freeing these items can free another container: false when every item is a
    /// leaf value (int, bool, float, str, None), whose deallocation frees no Python object, so
    /// the common list of numbers or tuple of strings skips the per-thread bookkeeping.
    @inline(__always)
    static func mayNest(_ items: [PyObject]) -> Bool {
        for item in items {
            let c = item.exactClass
            if c == ObjectIdentifier(PyInt.self) || c == ObjectIdentifier(PyString.self) || c == ObjectIdentifier(PyFloat.self)
                || c == ObjectIdentifier(PyBool.self) || c == ObjectIdentifier(PyNone.self) { continue }
            return true
        }
        return false
    }

    /// Releases `contents` (replacing it with `empty`) now, or parks it when this thread is
    /// already `maximumDepth` deallocations deep; the outermost call frees parked contents.
    static func dispose<Contents>(_ contents: inout Contents, replacingWith empty: Contents) {
        let state = current
        if state.depth >= maximumDepth {
            state.parked.append(contents)
            contents = empty
            return
        }
        state.depth += 1
        contents = empty
        if state.depth == 1 {
            while !state.parked.isEmpty {
                // Freed at the end of each iteration, at depth 1: its own nested frees park again.
                _ = state.parked.removeLast()
            }
        }
        state.depth -= 1
    }

    static var current: State {
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<State>.fromOpaque(pointer).takeUnretainedValue()
        }
        let state = State()
        pthread_setspecific(key, Unmanaged.passRetained(state).toOpaque())
        return state
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<Trashcan.State>.fromOpaque(pointer).release() }
        }
        return key
    }()
}
