# Methods of builtin types and builtin functions cross to pool workers by name.
import multiprocessing

if __name__ == "__main__":
    words = ["pool", "process", "queue"]
    with multiprocessing.Pool(2) as pool:
        print(pool.map(str.upper, words))
        print(pool.map(len, words))
        print(pool.starmap(str.replace, [("a-b", "-", "+"), ("c-d", "-", "")]))
        print(pool.apply(dict.fromkeys, (words, 0)))
