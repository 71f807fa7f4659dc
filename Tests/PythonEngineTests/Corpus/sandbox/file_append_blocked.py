# Engine only: opening a file for appending is blocked too.
print("start")
f = open("/tmp/grader_sandbox_probe.txt", "a")
print("not reached")
