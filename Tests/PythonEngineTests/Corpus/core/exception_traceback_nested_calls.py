def parse(record):
    name, value = record.split("=")
    return name, int(value)

def load(lines):
    return [parse(line) for line in lines]

print(load(["a=1", "b=2"]))
print(load(["c=3", "d=four"]))
