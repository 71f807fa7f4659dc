print("this line never runs")
def greet(name)
    print("hello", name)
