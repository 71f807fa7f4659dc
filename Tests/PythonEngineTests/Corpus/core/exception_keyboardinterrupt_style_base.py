class StopAll(BaseException):
    pass

try:
    raise StopAll("not an Exception")
except Exception:
    print("not reached")
except BaseException as e:
    print("BaseException caught:", e)
raise SystemExit(4)
