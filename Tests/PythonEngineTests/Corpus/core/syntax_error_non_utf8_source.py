# A source file that is not UTF-8 (a stray \xff byte on line 3) and has no coding line.
print("never runs")
name = "cafÿ"
