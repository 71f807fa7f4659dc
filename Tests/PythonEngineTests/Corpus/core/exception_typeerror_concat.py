age = 20
print("Age: " + age)
