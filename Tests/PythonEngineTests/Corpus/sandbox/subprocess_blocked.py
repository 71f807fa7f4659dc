# Engine only: subprocess is blocked.
print("start")
import subprocess
subprocess.run(["true"])
print("not reached")
