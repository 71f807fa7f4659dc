# Sieve of Eratosthenes and a few facts about the primes it finds.
def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    for i in range(2, int(limit ** 0.5) + 1):
        if is_prime[i]:
            for multiple in range(i * i, limit + 1, i):
                is_prime[multiple] = False
    return [i for i, p in enumerate(is_prime) if p]

primes = sieve(100)
print(primes)
print("count:", len(primes), "sum:", sum(primes))
twins = [(p, p + 2) for p in primes if p + 2 in set(primes)]
print("twin primes:", twins)
print("largest gap:", max(b - a for a, b in zip(primes, primes[1:])))
