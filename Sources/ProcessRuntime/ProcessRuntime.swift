// ProcessRuntime: real OS processes for the grader, with no Python in it.
//
// Where to start, by concern:
// - Forking safely: `ThreadCheck`, `Fork`, `ChildSide`, `ChildProcess` (+ `ExitStatus`).
//   Only a single-threaded process forks; threaded callers use `ProcessSpawner`/`SpawnedWorker`.
// - Talking between processes: `ProcessPipe`, `SocketPair`, `FramedWriter`/`FramedReader`, `Poller`, `FileDescriptor`.
// - Sharing memory: `SharedMemoryRegion` (create before fork), `SharedValue`, `SharedArray`.
// - Python's synchronisation primitives on shared memory: `ProcessLock`, `ProcessRecursiveLock`,
//   `ProcessSemaphore`, `ProcessEvent`, `ProcessCondition`, `ProcessBarrier`; their misuse errors
//   are `SynchronizationError`, worded as CPython words them. Internals: `ProcessMutex`,
//   `ProcessConditionVariable` (robust, process-shared pthread objects).
// - Limits and cleanup: `ProcessBudget` (process cap), `ResourceLimits` (rlimits),
//   `ProcessGroup`, `Subreaper`, `ProcessTable` (reading /proc).
// - Running untrusted work: `Sandbox` with `SandboxLimits` → `SandboxOutcome`; the work gets a
//   `SandboxContext` (shared memory, process budget, record channel).
// - Batch workers: `WorkerServer` (inside the worker), `SpawnedWorker`, `WorkerPool`.
// - Python's `multiprocessing` in bytes (the engine's bridge serializes values, see
//   PythonEngine/Pickling): `ForkedWorkerPool` (`Pool`; pump-driven, no helper threads;
//   `PoolChunking`, `PoolError`, `PoolTaskError`, `PoolRecord`), `ProcessQueue` (`Queue`,
//   `SimpleQueue`, `JoinableQueue` on a shared-memory ring), `ProcessConnection` (`Pipe`),
//   `SharedList`/`SharedDict` over `SharedEntryStore` (`Manager().list()/dict()` without a
//   server process).
//
// Glibc functions Swift does not import (pipe2, sem_clockwait, prctl) are reached through
// `LinuxCalls`.
