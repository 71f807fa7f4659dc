// The PythonEngine layer. See README "Architecture".
