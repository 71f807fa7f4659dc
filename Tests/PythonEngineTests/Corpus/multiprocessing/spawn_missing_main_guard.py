# Under spawn, starting a process at module level (no main guard) fails in the child: it re-runs
# this module as __mp_main__, reaches p.start() again and raises RuntimeError (its long message's
# wording changed between 3.11 patch releases, hence the parent's closing line on stderr).
import sys
import multiprocessing as mp


def work():
    print("work ran")


ctx = mp.get_context("spawn")
p = ctx.Process(target=work)
p.start()
p.join()
print("exitcode", p.exitcode, "in", __name__)
print("parent done", file=sys.stderr)
