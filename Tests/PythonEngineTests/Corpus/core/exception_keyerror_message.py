stock = {"apple": 3}
try:
    stock["pear"]
except KeyError as e:
    print("missing:", e, repr(e), e.args)
try:
    {}[(1, 2)]
except KeyError as e:
    print("tuple key:", e)
print(stock["banana"])
