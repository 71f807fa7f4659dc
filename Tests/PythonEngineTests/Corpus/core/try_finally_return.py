def f():
    try:
        return "from try"
    finally:
        print("finally runs before return")

def g():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"

print(f())
print(g())
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("cleanup", i)
