def greet():
    pass

class K:
    def method(self):
        pass

print(greet)
print(greet.__name__, K.method.__qualname__)
print(K.method)
print(lambda: 0)
print(print, len)
def outer():
    def inner():
        pass
    return inner
print(outer())
