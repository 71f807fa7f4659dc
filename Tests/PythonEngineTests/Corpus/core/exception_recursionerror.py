import sys
def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print("caught:", e)
print(sys.getrecursionlimit())
def countdown(n):
    return 0 if n == 0 else 1 + countdown(n - 1)
print(countdown(900))
down(0)
