# Blocks indented with tabs only are fine, as long as each block is consistent.
def classify(n):
	if n % 2 == 0:
		return "even"
	else:
		return "odd"

for i in range(3):
	print(i, classify(i))
