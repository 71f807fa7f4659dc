# Engine only: the PermissionError is an ordinary, catchable OSError.
try:
    open("/tmp/grader_sandbox_probe.txt", "x")
except PermissionError as e:
    print("blocked:", type(e).__name__, isinstance(e, OSError))
print("program continues")
