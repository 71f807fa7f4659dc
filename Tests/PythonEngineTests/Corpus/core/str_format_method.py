print("{} and {}".format("a", "b"))
print("{1} {0} {1}".format("x", "y"))
print("{name} is {age}".format(name="Bo", age=5))
print("{0[0]} {0[1]}".format(["p", "q"]))
print("{p.real}".format(p=3))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"))
print("{:.3}".format(3.14159), "{:.3}".format("abcdef"))
print("{!r}".format("s"), "{{}}".format())
print("{:,}".format(10 ** 9), "{:08.3f}".format(-3.5))
d = {"k": 1}
print("{k}".format(**d))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
