try:
    print(len)
    len[0]
except TypeError as e:
    print(e)
x = 5
print(x[0])
