s = "the cat sat on the mat"
print(s.find("at"), s.find("at", 5), s.find("dog"))
print(s.rfind("the"), s.index("sat"))
print(s.replace("at", "og"))
print(s.replace("the", "a", 1))
print(s.count("at"), s.count(""))
try:
    s.index("dog")
except ValueError as e:
    print("ValueError:", e)
