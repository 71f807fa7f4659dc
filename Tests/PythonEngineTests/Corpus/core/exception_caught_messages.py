tests = [
    lambda: int("x1"),
    lambda: [1][2],
    lambda: {"a": 1}["b"],
    lambda: None + 1,
    lambda: "a" * "b",
    lambda: len(3),
    lambda: 1 / 0,
    lambda: 2 ** 0.5 + "s",
    lambda: [].pop(),
    lambda: undefined_thing,
    lambda: "abc".nope,
    lambda: int(None),
    lambda: float("x"),
    lambda: tuple(5),
    lambda: {}.pop("k"),
    lambda: [1, 2].index(3),
    lambda: "x".index("y"),
    lambda: iter(5),
    lambda: [None][0](),
    lambda: (1, 2)[0:1][5],
    lambda: abs("s"),
    lambda: chr(-1),
    lambda: [] < 1,
    lambda: {[]: 1},
    lambda: "%d" % [],
]
for i, t in enumerate(tests):
    try:
        t()
    except Exception as e:
        print(i, type(e).__name__ + ":", e)
