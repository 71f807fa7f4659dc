print("first")
message = "hello world
print(message)
