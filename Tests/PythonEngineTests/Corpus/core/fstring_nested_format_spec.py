width = 10
precision = 3
value = 2.718281828
print(f"{value:{width}.{precision}f}|")
print(f"{'hi':>{width}}|")
for w in (4, 6):
    print(f"[{w:{w}}]")
