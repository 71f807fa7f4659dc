# A comment on its own line
x = 5  # a trailing comment
# print("this is not run")
s = "# not a comment inside a string"
print(x, s)  # comment after code
    # an indented comment line does not change indentation
print("done")
