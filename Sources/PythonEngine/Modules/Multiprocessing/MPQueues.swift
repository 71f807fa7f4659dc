import ProcessRuntime

/// `Queue`, `JoinableQueue`, `SimpleQueue` over a shared-memory ring (`ProcessQueue`); items are
/// pickled with CPython's rules.
final class MPQueue: PyInstance, @unchecked Sendable {
    let queue: ProcessQueue
    var closed = false
    init(cls: PyClass, queue: ProcessQueue) {
        self.queue = queue
        super.init(cls: cls)
    }
}

/// One end of a `Pipe()`.
final class MPConnection: PyInstance, @unchecked Sendable {
    let connection: ProcessConnection
    init(cls: PyClass, connection: ProcessConnection) {
        self.connection = connection
        super.init(cls: cls)
    }
}

extension Interpreter {
    func makeQueueClasses(_ state: MultiprocessingState) throws -> (queue: PyClass, simple: PyClass, joinable: PyClass, connection: PyClass) {
        let queue = makeNativeClass(name: "Queue", module: "multiprocessing.queues", constructor: nil, methods: [:])
        let joinable = makeNativeClass(name: "JoinableQueue", module: "multiprocessing.queues", constructor: nil, methods: [:])
        let simple = makeNativeClass(name: "SimpleQueue", module: "multiprocessing.queues", constructor: nil, methods: [:])
        for cls in [queue, joinable, simple] {
            cls.constructor = { interp, args in
                let a = try NativeArguments(interp, args, function: cls.name, parameters: cls === simple ? [] : ["maxsize"])
                let maxSize = max(0, try a["maxsize"].map { try interp.intArg($0) } ?? 0)
                let capacity = 4 << 20
                do {
                    let q = MPQueue(cls: cls, queue: try ProcessQueue(in: try SharedMemoryRegion(size: capacity + 65536), maxSize: maxSize, capacityBytes: capacity))
                    _ = state.register(shared: q)
                    return q
                } catch {
                    throw interp.mpError(error)
                }
            }
            let b = NativeClassBuilder(cls, MPQueue.self)
            b.method("put", ["obj", "block", "timeout"]) { interp, q, a in
                guard let item = a.raw("obj") else { throw interp.typeError("put() missing 1 required positional argument: 'obj'") }
                if q.closed { throw interp.valueError("Queue \(PicklingRules.hexAddress(UInt(bitPattern: interp.id(of: q)))) is closed") }
                let (block, timeout) = try interp.acquireArguments(a)
                try q.queue.put(try interp.pickleBytes(item), block: block, timeout: timeout)
                return PyNone.shared
            }
            b.method("get", ["block", "timeout"]) { interp, q, a in
                let (block, timeout) = try interp.acquireArguments(a)
                guard block else { return try interp.unpickle(bytes: try q.queue.get(block: false, timeout: nil)) }
                var item: [UInt8]?
                try interp.waitWithinLimit(timeout, what: "Queue.get") { limit in
                    do {
                        item = try q.queue.get(block: true, timeout: limit)
                    } catch ProcessQueueError.empty {
                        item = nil
                    }
                    return item != nil
                }
                guard let item else { throw ProcessQueueError.empty }
                return try interp.unpickle(bytes: item)
            }
            b.method("put_nowait", ["obj"]) { interp, q, a in
                guard let item = a.raw("obj") else { throw interp.typeError("put_nowait() missing 1 required positional argument: 'obj'") }
                try q.queue.put(try interp.pickleBytes(item), block: false, timeout: nil)
                return PyNone.shared
            }
            b.method("get_nowait") { interp, q, _ in try interp.unpickle(bytes: try q.queue.get(block: false, timeout: nil)) }
            b.method("empty") { _, q, _ in PyBool.of(q.queue.isEmpty) }
            b.method("full") { _, q, _ in PyBool.of(q.queue.isFull) }
            b.method("qsize") { _, q, _ in PyInt.make(q.queue.count) }
            b.method("close") { _, q, _ in q.closed = true; return PyNone.shared }
            b.method("join_thread") { _, _, _ in PyNone.shared }
            b.method("cancel_join_thread") { _, _, _ in PyNone.shared }
            if cls === joinable {
                b.method("task_done") { _, q, _ in try q.queue.taskDone(); return PyNone.shared }
                b.method("join") { interp, q, _ in
                    _ = q.queue.join(timeout: nil)
                    return PyNone.shared
                }
            }
        }

        let connection = makeNativeClass(name: "Connection", module: "multiprocessing.connection", constructor: nil, methods: [:])
        let c = NativeClassBuilder(connection, MPConnection.self)
        c.method("send", ["obj"]) { interp, conn, a in
            guard let item = a.raw("obj") else { throw interp.typeError("send() missing 1 required positional argument: 'obj'") }
            try interp.connectionCall(conn) { try conn.connection.send(try interp.pickleBytes(item)) }
            return PyNone.shared
        }
        c.method("recv") { interp, conn, _ in
            var bytes: [UInt8] = []
            try interp.connectionCall(conn) {
                // Within the run's time limit: wait for data (or end of file) first.
                try interp.waitWithinLimit(nil, what: "Connection.recv") { limit in
                    limit == nil ? true : try conn.connection.poll(timeout: limit)
                }
                bytes = try conn.connection.receive()
            }
            return try interp.unpickle(bytes: bytes)
        }
        c.method("send_bytes", ["buf"]) { interp, conn, a in
            guard let b = a.raw("buf") as? PyBytes else { throw interp.typeError("a bytes-like object is required") }
            try interp.connectionCall(conn) { try conn.connection.send(b.value) }
            return PyNone.shared
        }
        c.method("recv_bytes") { interp, conn, _ in
            var bytes: [UInt8] = []
            try interp.connectionCall(conn) { bytes = try conn.connection.receive() }
            return PyBytes(bytes)
        }
        c.method("poll", ["timeout"]) { interp, conn, a in
            let timeout: Double? = a.raw("timeout") == nil ? 0 : try interp.timeoutValue(a.raw("timeout"))
            var ready = false
            try interp.connectionCall(conn) { ready = try conn.connection.poll(timeout: timeout) }
            return PyBool.of(ready)
        }
        c.method("close") { _, conn, _ in conn.connection.close(); return PyNone.shared }
        c.property("closed", get: { _, conn in PyBool.of(conn.connection.isClosed) })
        c.property("readable", get: { _, conn in PyBool.of(conn.connection.readable) })
        c.property("writable", get: { _, conn in PyBool.of(conn.connection.writable) })
        c.method("__enter__") { _, conn, _ in conn }
        c.method("__exit__", ["t", "v", "tb"]) { _, conn, _ in conn.connection.close(); return PyNone.shared }
        return (queue, simple, joinable, connection)
    }

    /// Runs a connection operation with CPython's errors: `OSError: handle is closed`, `EOFError`
    /// when the other end is closed, `OSError: connection is write-only/read-only`.
    func connectionCall(_ conn: MPConnection, _ body: () throws -> Void) throws {
        if conn.connection.isClosed { throw pythonError("OSError", "handle is closed") }
        do {
            try body()
        } catch let e as PyError {
            throw e
        } catch let e as ConnectionError {
            let cls = ExceptionTypes.byName[e.pythonExceptionType] ?? ExceptionTypes.osError
            throw PyError(exception: newException(cls, e.description.isEmpty ? [] : [PyString(e.description)]))
        } catch {
            throw mpError(error)
        }
    }

    func makePipe(_ state: MultiprocessingState, duplex: Bool) throws -> PyObject {
        let (a, b) = try ProcessConnection.pipe(duplex: duplex)
        let first = MPConnection(cls: state.classes.connection, connection: a)
        let second = MPConnection(cls: state.classes.connection, connection: b)
        _ = state.register(shared: first)
        _ = state.register(shared: second)
        return PyTuple([first, second])
    }
}
