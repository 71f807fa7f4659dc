# Non-ASCII identifiers: a precomposed and a decomposed spelling name one variable.
café = 1
print(café)
def f():
    naïve = 2
    return naïve + café
print(f())
αβ = [1, 2]
print(sum(αβ), [γ * 2 for γ in αβ])
