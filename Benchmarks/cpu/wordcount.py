# Dict-heavy word count over generated text.
words = ["pool", "process", "queue", "fork", "pipe", "lock", "map", "join", "start", "worker",
         "result", "task", "shared", "memory", "value", "array", "manager", "event", "barrier", "spawn"]
text = []
x = 3
for _ in range(200_000):
    x = (x * 1103515245 + 12345) % 2147483648
    text.append(words[x % len(words)] + ("s" if x % 7 == 0 else ""))
counts = {}
for w in text:
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(len(counts), top)
