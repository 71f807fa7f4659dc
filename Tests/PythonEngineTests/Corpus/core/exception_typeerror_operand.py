print("mixing types")
result = 5 + "5"
