def mean(xs):
    assert len(xs) > 0, "list must not be empty"
    return sum(xs) / len(xs)

print(mean([1, 2, 3]))
try:
    assert 1 == 2
except AssertionError as e:
    print("bare assert:", repr(e))
print(mean([]))
