# ProcessPoolExecutor.map with chunksize and several iterables.
from concurrent.futures import ProcessPoolExecutor


def describe(name, score):
    return f"{name}: {'pass' if score >= 50 else 'fail'}"


if __name__ == "__main__":
    names = ["ann", "bob", "cy", "di"]
    scores = [75, 40, 50, 99]
    with ProcessPoolExecutor(max_workers=2) as ex:
        for line in ex.map(describe, names, scores, chunksize=2):
            print(line)
