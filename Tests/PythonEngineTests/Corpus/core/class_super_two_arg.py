class A:
    def hello(self):
        return "A"

class B(A):
    def hello(self):
        return "B>" + super(B, self).hello()

class C(B):
    def hello(self):
        return "C>" + super(C, self).hello()

print(C().hello())
print(super(B, C()).hello())
