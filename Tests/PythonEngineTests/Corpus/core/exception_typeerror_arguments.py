def area(width, height):
    return width * height

print(area(3, 4))
try:
    area(1, 2, 3)
except TypeError as e:
    print(e)
try:
    area(width=1, depth=2)
except TypeError as e:
    print(e)
area(3)
