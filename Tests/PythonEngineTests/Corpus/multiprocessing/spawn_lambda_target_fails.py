# Under spawn a Process target must be picklable: a lambda fails in start().
import multiprocessing as mp

if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    p = ctx.Process(target=lambda: print("never"))
    print("starting")
    p.start()
