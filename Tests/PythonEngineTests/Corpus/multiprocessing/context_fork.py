# get_context("fork") gives Process and Pool of that start method.
import multiprocessing as mp


def double(x):
    return 2 * x


def hello():
    print("hello from a fork-context process")


if __name__ == "__main__":
    ctx = mp.get_context("fork")
    print(ctx.get_start_method())
    p = ctx.Process(target=hello)
    p.start()
    p.join()
    with ctx.Pool(2) as pool:
        print(pool.map(double, [1, 2, 3]))
    print(mp.get_start_method())
