def todo():
    pass

class Empty:
    pass

for _ in range(2):
    pass
if True:
    pass
print(todo(), Empty.__name__, "pass does nothing")
