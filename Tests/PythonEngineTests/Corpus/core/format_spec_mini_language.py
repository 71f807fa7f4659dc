for spec in ["", "10", "<10", "^10", ">10", "010", "+", " ", ",", "_", ".2f", "e", "%", "#x", "#o", "=+8"]:
    try:
        print(repr(spec), "->", repr(format(1234.5 if "x" not in spec and "o" not in spec else 1234, spec)))
    except ValueError as e:
        print(repr(spec), "-> ValueError:", e)
print(format(-0.0, ".1f"), format(2.5, ".0f"), format(3.5, ".0f"), format(1e16, ".2f"))
print(format(float("nan"), "f"), format(float("inf"), "e"), format(123456789, ".3g"))
print(format("é", "^5") + "|", format(True, "d"), format(10, "n"))
