class A: pass
class B(A): pass
b = B()
print(isinstance(b, A), isinstance(b, B), isinstance(A(), B))
print(isinstance(1, (str, int)), isinstance(True, int), isinstance(1.0, int))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (int, A)), issubclass(int, object))
print(isinstance(None, type(None)), isinstance([], list), isinstance(A, type))
