def outer():
    count = 0
    def inner():
        nonlocal count
        count += 1
        return count
    inner()
    inner()
    return count

print(outer())
def make_acc():
    total = 0
    def add(x):
        nonlocal total
        total += x
        return total
    return add
acc = make_acc()
print(acc(5), acc(10))
