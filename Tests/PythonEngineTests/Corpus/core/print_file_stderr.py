import sys
print("to stdout")
print("warning: something", file=sys.stderr)
print("more stdout", file=sys.stdout)
print("last stderr line", file=sys.stderr, flush=True)
