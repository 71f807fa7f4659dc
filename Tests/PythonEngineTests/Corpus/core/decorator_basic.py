import functools

def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print("calling", func.__name__, args)
        result = func(*args, **kwargs)
        print("returned", result)
        return result
    return wrapper

def repeat(n):
    def deco(func):
        def wrapper(*a):
            return [func(*a) for _ in range(n)]
        return wrapper
    return deco

@logged
def add(a, b):
    return a + b

@repeat(3)
def hi(name):
    return "hi " + name

add(2, 3)
print(add.__name__)
print(hi("x"))
