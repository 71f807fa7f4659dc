total = 10
values = [1, 2]
try:
    values()
except TypeError as e:
    print(e)
sum = 0
print(sum)
sum([1, 2])
