# Counter + Counter and Counter - Counter keep only positive counts, left operand's keys first.
from collections import Counter

a = Counter("mississippi")
b = Counter(s=2, p=5, q=1)
print(a + b)
print(a - b)
print(b - a)
print(sum([Counter(x=1), Counter(y=2), Counter(x=3)], Counter()))
print(Counter(x=-1) + Counter())
