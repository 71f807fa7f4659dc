# Split a list into chunks, sum the chunks in parallel, combine the partial sums.
from multiprocessing import Pool


def partial_sum(chunk):
    return sum(x * x for x in chunk)


def chunks(data, n):
    size = (len(data) + n - 1) // n
    return [data[i:i + size] for i in range(0, len(data), size)]


if __name__ == "__main__":
    data = list(range(1, 10001))
    parts = chunks(data, 4)
    print("chunk sizes:", [len(c) for c in parts])
    with Pool(4) as pool:
        partials = pool.map(partial_sum, parts)
    print("partials:", partials)
    print("total:", sum(partials), sum(partials) == sum(x * x for x in data))
