# The name bound by "except ... as e" is deleted when the handler ends.
try:
    1 / 0
except ZeroDivisionError as e:
    print("inside:", e)
saved = None
try:
    [][1]
except IndexError as err:
    saved = err
print("saved:", repr(saved))
print(e)
