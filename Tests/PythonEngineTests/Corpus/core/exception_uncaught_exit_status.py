print("line before the error")
data = {"a": 1}
value = data["a"] + 1
print("value", value)
raise ValueError("something went wrong: " + str(value))
