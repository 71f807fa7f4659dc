# A stack and a queue built on lists, used to check brackets and simulate a line.
class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()
    def __len__(self):
        return len(self._items)

def balanced(expr):
    pairs = {")": "(", "]": "[", "}": "{"}
    s = Stack()
    for ch in expr:
        if ch in "([{":
            s.push(ch)
        elif ch in pairs:
            if not len(s) or s.pop() != pairs[ch]:
                return False
    return len(s) == 0

for e in ["(a[b]{c})", "(]", "((", "{[()()]}", ""]:
    print(repr(e), balanced(e))
queue = ["ann", "bob"]
queue.append("cy")
served = [queue.pop(0) for _ in range(2)]
print("served", served, "waiting", queue)
