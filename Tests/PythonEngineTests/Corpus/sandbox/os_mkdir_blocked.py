# Engine only: creating directories is blocked.
import os
print("start")
os.mkdir("/tmp/grader_sandbox_probe_dir")
print("not reached")
