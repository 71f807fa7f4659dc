# Count word frequencies in a paragraph and print the top five.
text = """Processes run independently. Each process has its own memory,
while threads share memory. A process pool reuses worker processes;
the pool hands each worker a task. Processes communicate through pipes
and queues, and the pool collects the results."""

counts = {}
for raw in text.lower().split():
    word = raw.strip(".,;:!?")
    if word:
        counts[word] = counts.get(word, 0) + 1

top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
for word, n in top:
    print(f"{word:<10} {n:>3} {'#' * n}")
print("distinct words:", len(counts))
print("longest:", max(counts, key=len))
