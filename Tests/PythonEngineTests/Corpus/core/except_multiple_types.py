def risky(kind):
    if kind == 1:
        return int("x")
    if kind == 2:
        return [][0]
    if kind == 3:
        return {}["k"]
    return "ok"

for k in range(4):
    try:
        print(risky(k))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
    except LookupError as e:
        print("lookup", type(e).__name__, e)
