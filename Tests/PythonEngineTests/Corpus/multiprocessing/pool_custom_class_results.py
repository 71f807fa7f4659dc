# Instances of module-level classes cross process boundaries.
from multiprocessing import Pool


class Result:
    def __init__(self, n, factors):
        self.n = n
        self.factors = factors

    def __repr__(self):
        return f"Result({self.n}, {self.factors})"


def factorize(n):
    out, d, m = [], 2, n
    while d * d <= m:
        while m % d == 0:
            out.append(d)
            m //= d
        d += 1
    if m > 1:
        out.append(m)
    return Result(n, out)


if __name__ == "__main__":
    with Pool(2) as pool:
        for r in pool.map(factorize, [12, 97, 360, 2 ** 40 + 1]):
            print(r)
