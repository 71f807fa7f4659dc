# Left-nested operator chains: evaluation order, short and past the recursion cut-off.
def t(v):
    print("eval", v)
    return v
print(t(1) + t(2) * t(3) - t(4))
print(((t(1) - t(2)) - t(3)) - t(4))
x = 3
for _ in range(3):
    x = (x * 1103515245 + 12345) % 2147483648
print(x)
print(sum(range(40)))
s = 0
s = t(0) + t(1) + t(2) + t(3) + t(4) + t(5) + t(6) + t(7) + t(8) + t(9) + t(10) + t(11) + t(12) + t(13) + t(14) + t(15) + t(16) + t(17) + t(18) + t(19) + t(20) + t(21) + t(22) + t(23) + t(24) + t(25) + t(26) + t(27) + t(28) + t(29) + t(30) + t(31) + t(32) + t(33) + t(34) + t(35) + t(36) + t(37) + t(38) + t(39)
print(s)
try:
    r = t(1) + t(2) + t("a") + t(3)
except TypeError as e:
    print("TypeError:", e)
long_err = 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14 + 15 + 16 + 17 + 18 + 19 + 20 + 21 + 22 + 23 + 24 + 25 + 26 + 27 + 28 + 29 + 30 + 31 + 32 + 33 + 34 + 35 + "x" + 36
