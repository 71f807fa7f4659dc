def running_average():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count

avg = running_average()
print(next(avg))
print(avg.send(10))
print(avg.send(20))
print(avg.send(0))
def echo():
    received = yield "ready"
    while True:
        received = yield f"echo {received}"
e = echo()
print(e.send(None), e.send("a"), e.send("b"))
