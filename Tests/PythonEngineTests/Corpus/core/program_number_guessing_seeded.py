# A guessing game played by a binary-search "player" against a seeded random secret.
import random

random.seed(1)
secret = random.randint(1, 100)
low, high, tries = 1, 100, 0
while True:
    guess = (low + high) // 2
    tries += 1
    if guess < secret:
        print(f"{guess} is too low")
        low = guess + 1
    elif guess > secret:
        print(f"{guess} is too high")
        high = guess - 1
    else:
        print(f"found {secret} in {tries} tries")
        break
