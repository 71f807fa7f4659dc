records = [("b", 2), ("a", 2), ("c", 1), ("d", 3), ("e", 1)]
print(sorted(records, key=lambda r: r[1]))
records.sort(key=lambda r: r[1], reverse=True)
print(records)
nums = [5, -3, 2, -8]
print(sorted(nums, key=abs), sorted(nums, reverse=True))
print(sorted([[2, 1], [1, 2], [1, 1]]), sorted("bca"))
