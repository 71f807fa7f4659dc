# Engine only: ctypes is blocked.
print("start")
import ctypes
ctypes.CDLL(None)
print("not reached")
