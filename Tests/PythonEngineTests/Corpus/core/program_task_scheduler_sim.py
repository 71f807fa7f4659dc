# Simulates round-robin scheduling of "processes" (no real processes).
from collections import deque

def round_robin(jobs, quantum):
    queue = deque(jobs.items())
    clock = 0
    finished = {}
    while queue:
        name, remaining = queue.popleft()
        run = min(quantum, remaining)
        clock += run
        remaining -= run
        print(f"t={clock:>2} ran {name} for {run}")
        if remaining:
            queue.append((name, remaining))
        else:
            finished[name] = clock
    return finished

done = round_robin({"P1": 5, "P2": 2, "P3": 4}, quantum=2)
print(done)
print("average turnaround:", sum(done.values()) / len(done))
