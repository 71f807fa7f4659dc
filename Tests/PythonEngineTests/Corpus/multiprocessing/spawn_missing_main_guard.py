# Under spawn, starting a process at module level (no main guard) fails in the child.
import multiprocessing as mp


def work():
    print("work ran")


ctx = mp.get_context("spawn")
p = ctx.Process(target=work)
p.start()
p.join()
print("exitcode", p.exitcode)
