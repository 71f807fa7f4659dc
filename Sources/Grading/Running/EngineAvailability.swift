import ProcessRuntime

/// Which engine pieces this build grades code with: the sandboxed engine (one fresh child per
/// question's cells, `SandboxedRunner` + `EngineSessionFactory`) and the engine's parser for
/// `uses` checks (`EngineCodeAnalyzer`). Kept in one place so a build or a test can see what a
/// grade run will use.
public enum EngineAvailability {
    public static func runner(limits: SandboxLimits) -> any CodeRunner {
        SandboxedRunner(limits: limits, sessions: EngineSessionFactory())
    }

    public static var analyzer: (any CodeAnalyzer)? { EngineCodeAnalyzer() }
}
