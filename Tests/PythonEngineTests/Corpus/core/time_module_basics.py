import time
t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
time.sleep(0.05)
elapsed = time.perf_counter() - p0
print(elapsed >= 0.04, elapsed < 2)
print(time.monotonic() >= m0 + 0.04, time.time() > 1_600_000_000, time.time() >= t0)
print(type(time.time()).__name__, type(time.perf_counter()).__name__)
start = time.perf_counter()
total = sum(range(10000))
print(total, round(time.perf_counter() - start) == 0)
