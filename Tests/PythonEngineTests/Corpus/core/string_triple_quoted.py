text = """first line
second line
    indented line"""
print(text)
print(len(text.splitlines()))
doc = '''single "quotes" inside'''
print(doc)
empty_lines = """
a

b
"""
print(repr(empty_lines))
