counter = 0

def bump():
    global counter
    counter += 1

def read_only():
    return counter * 10

for _ in range(3):
    bump()
print(counter, read_only())
def make_global():
    global created
    created = "yes"
make_global()
print(created)
