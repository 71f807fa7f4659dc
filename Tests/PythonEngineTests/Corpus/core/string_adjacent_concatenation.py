s = "abc" 'def' """ghi"""
print(s)
msg = ("part one, "
       "part two")
print(msg)
print(f"{1}" "two" f"{3}")
