print("Enter your name:")
try:
    name = input()
except EOFError as e:
    print("EOFError:", e)
name = input("prompt> ")
print("unreachable", name)
