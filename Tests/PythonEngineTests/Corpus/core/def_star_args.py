def total(*numbers):
    print(type(numbers).__name__, numbers)
    return sum(numbers)

print(total())
print(total(1, 2, 3))
values = [4, 5]
print(total(*values, 6))
def first_and_rest(first, *rest):
    return first, rest
print(first_and_rest("a", "b", "c"))
