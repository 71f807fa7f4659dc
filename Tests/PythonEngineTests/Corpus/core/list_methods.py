lst = [3, 1, 4]
lst.append(1)
lst.extend([5, 9])
lst.insert(0, 2)
print(lst)
print(lst.pop(), lst.pop(0), lst)
lst.remove(1)
print(lst, lst.index(4), lst.count(1))
lst.sort()
print(lst)
lst.reverse()
print(lst)
copy = lst.copy()
lst.clear()
print(lst, copy)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError:", e)
