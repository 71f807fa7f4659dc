# Binary search, iterative and recursive, with a comparison counter.
def binary_search(items, target):
    lo, hi, steps = 0, len(items) - 1, 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid, steps
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps

def rsearch(items, target, lo=0, hi=None):
    hi = len(items) - 1 if hi is None else hi
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if items[mid] == target:
        return mid
    return rsearch(items, target, mid + 1, hi) if items[mid] < target else rsearch(items, target, lo, mid - 1)

data = list(range(0, 200, 3))
for t in (0, 99, 100, 198, -1):
    print(t, binary_search(data, t), rsearch(data, t))
