# Mixing a tab and spaces inconsistently inside one block is a TabError.
def f(x):
        if x:
	    return 1
        return 0

print(f(1))
