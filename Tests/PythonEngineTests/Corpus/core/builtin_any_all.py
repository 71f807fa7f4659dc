print(any([]), all([]))
print(any([0, "", None]), any([0, 1]))
print(all([1, "x", [0]]), all([1, 0]))
nums = [2, 4, 6]
print(all(n % 2 == 0 for n in nums), any(n > 5 for n in nums))
