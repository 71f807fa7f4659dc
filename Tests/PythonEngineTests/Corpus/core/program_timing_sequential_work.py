# "Sequential version" of a parallel assignment: time a CPU-bound loop (prints only booleans).
import time

def count_primes(limit):
    return sum(1 for n in range(2, limit) if all(n % d for d in range(2, int(n ** 0.5) + 1)))

start = time.perf_counter()
results = [count_primes(n) for n in (1000, 2000, 3000)]
elapsed = time.perf_counter() - start
print("results:", results)
print("took less than 5 seconds:", elapsed < 5)
print(f"{'n':>5} {'primes':>7}")
for n, r in zip((1000, 2000, 3000), results):
    print(f"{n:>5} {r:>7}")
