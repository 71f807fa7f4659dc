from math import pi, floor as fl
from itertools import chain
from collections import Counter, defaultdict, deque, namedtuple, OrderedDict
print(round(pi, 4), fl(2.7))
print(list(chain([1], [2, 3])))
c = Counter("mississippi")
print(c.most_common(2))
d = defaultdict(list)
d["a"].append(1)
print(dict(d))
q = deque([1, 2]); q.appendleft(0); q.append(3)
print(q, q.popleft())
P = namedtuple("P", "x y")
print(P(1, 2), P(1, 2).y)
