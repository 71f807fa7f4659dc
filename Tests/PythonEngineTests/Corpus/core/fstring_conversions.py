s = "café"
print(f"{s!r}")
print(f"{s!s}")
print(f"{s!a}")
print(f"{3.0!r}")
print(f"{'x'!r:>6}|")
class P:
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "a P"
print(f"{P()} {P()!r} {P()!s}")
