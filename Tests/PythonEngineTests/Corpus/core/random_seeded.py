import random
random.seed(1)
print(random.random())
print(random.random())
print(random.randint(1, 100), random.randint(1, 6), random.randrange(10), random.randrange(0, 100, 5))
print(random.choice(["rock", "paper", "scissors"]))
random.seed(42)
print([random.randint(0, 9) for _ in range(10)])
print(random.uniform(1, 2))
