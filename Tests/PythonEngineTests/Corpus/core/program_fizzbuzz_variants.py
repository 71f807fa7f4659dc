# FizzBuzz three ways.
def fizzbuzz(n):
    if n % 15 == 0:
        return "FizzBuzz"
    if n % 3 == 0:
        return "Fizz"
    if n % 5 == 0:
        return "Buzz"
    return str(n)

print(", ".join(fizzbuzz(i) for i in range(1, 16)))
print([("Fizz" * (i % 3 == 0) + "Buzz" * (i % 5 == 0)) or i for i in range(1, 16)])
rules = {3: "Fizz", 5: "Buzz", 7: "Bazz"}
for i in (21, 35, 105, 8):
    print(i, "".join(word for d, word in rules.items() if i % d == 0) or i)
