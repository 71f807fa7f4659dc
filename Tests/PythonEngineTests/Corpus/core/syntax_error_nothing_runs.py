print("a syntax error anywhere means no line runs")
for i in range(3):
    print(i)
x = [1, 2
