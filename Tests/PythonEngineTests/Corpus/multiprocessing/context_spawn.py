# Under spawn the child re-imports this file as __mp_main__; the main guard keeps it safe.
import multiprocessing as mp

print("module level runs as", __name__)


def child(x):
    print("child got", x, "and its module is", __name__)


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    p = ctx.Process(target=child, args=(7,))
    p.start()
    p.join()
    print("exitcode", p.exitcode)
