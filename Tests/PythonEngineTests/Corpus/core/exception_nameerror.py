def report():
    print("computing")
    return totl * 2

report()
