import sys
n = sys.stdout.write("written without newline")
sys.stdout.write("\n")
print(n)
sys.stdout.write("a" + "b\n")
sys.stdout.flush()
sys.stderr.write("error text\n")
sys.stderr.flush()
print("end")
