# Engine only: writing a file is blocked with PermissionError (CPython would write it).
print("before the write")
with open("/tmp/grader_sandbox_probe.txt", "w") as f:
    f.write("should not be written")
print("not reached")
