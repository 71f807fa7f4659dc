name, age, height = "Ann", 30, 1.6789
print("%s is %d years old" % (name, age))
print("%.2f m" % height)
print("%5d|%-5d|%05d" % (7, 7, 7))
print("%x %X %o %e %g" % (255, 255, 8, 12345.6789, 0.00001))
print("%r %s" % ("q", "q"))
print("%c%c" % (72, "i"))
print("100%%")
print("%(n)s=%(v)d" % {"n": "x", "v": 5})
print("%+.1f %10.3s|" % (2.25, "abcdef"))
print("%s" % [1, 2], "%s" % (1,))
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("only one",))
except TypeError as e:
    print("TypeError:", e)
