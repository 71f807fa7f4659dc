# Engine only: deleting files is blocked.
import os
print("start")
os.remove("/tmp/grader_sandbox_probe.txt")
print("not reached")
