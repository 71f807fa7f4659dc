def connect(host, *, port=80, secure=False):
    return f"{host}:{port} secure={secure}"

print(connect("example"))
print(connect("example", port=443, secure=True))
def pos_only(a, b, /, c):
    return a + b + c
print(pos_only(1, 2, c=3))
try:
    connect("example", 8080)
except TypeError as e:
    print("TypeError:", e)
