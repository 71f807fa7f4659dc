# "raise ... from None" hides the original exception's context.
def lookup(d, key):
    try:
        return d[key]
    except KeyError:
        raise LookupError(f"no setting named {key!r}") from None

try:
    lookup({}, "x")
except LookupError as e:
    print(e, e.__cause__, e.__suppress_context__, repr(e.__context__))
lookup({"a": 1}, "b")
