import sys
print("checking input")
sys.exit("fatal: bad configuration")
