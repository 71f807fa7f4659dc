def check(x):
    try:
        if x < 0:
            raise ValueError(f"negative: {x}")
    except ValueError:
        print("logging and re-raising")
        raise

try:
    check(-1)
except ValueError as e:
    print("outer got", e)
raise RuntimeError("final")
