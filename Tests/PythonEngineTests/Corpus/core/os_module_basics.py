import os
pid = os.getpid()
print(isinstance(pid, int), pid > 0, pid == os.getpid())
print(os.getppid() != pid, os.getppid() > 0)
n = os.cpu_count()
print(isinstance(n, int), n >= 1)
print(os.sep, os.path.join("a", "b", "c.py"), os.path.splitext("x.tar.gz"))
print(os.path.basename("/tmp/file.txt"), os.path.dirname("/tmp/file.txt"))
print(os.name)
