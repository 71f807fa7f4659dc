for v in [1, 1.0, "s", b"b", [], (), {}, set(), frozenset(), None, True, range(1), 1j, len, type]:
    print(type(v))
print(type(type(1)), int, str.__name__)
