// The ProcessRuntime layer. See README "Architecture".
