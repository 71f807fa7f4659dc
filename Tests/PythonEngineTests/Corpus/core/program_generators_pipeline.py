# A lazy data pipeline built from generators.
def read_lines():
    data = "5\n12\nbad\n7\n\n30\n-4"
    for line in data.split("\n"):
        yield line

def parse(lines):
    for line in lines:
        try:
            yield int(line)
        except ValueError:
            print(f"skipping {line!r}")

def positive(nums):
    return (n for n in nums if n > 0)

def running_total(nums):
    total = 0
    for n in nums:
        total += n
        yield total

print(list(running_total(positive(parse(read_lines())))))
