def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError as e:
        print("error:", e)
        return None
    else:
        print("no error")
        return result
    finally:
        print("finally for", a, b)

print(divide(6, 3))
print(divide(1, 0))
