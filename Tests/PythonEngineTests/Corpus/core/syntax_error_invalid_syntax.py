print("start")
x = 5 +* 3
