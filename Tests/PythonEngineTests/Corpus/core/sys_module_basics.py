import sys
print(len(sys.argv), sys.argv[0].endswith("sys_module_basics.py"))
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 8))
print(sys.version.startswith("3.11"))
print(sys.maxsize == 2 ** 63 - 1, sys.getrecursionlimit())
print(type(sys.stdout).__name__ != "", sys.platform in ("linux", "darwin"))
print("__main__" in sys.modules, __name__)
