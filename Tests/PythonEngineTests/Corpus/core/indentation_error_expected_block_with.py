# A with statement whose body was forgotten.
import time

class Timer:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False
with Timer() as t:
print("body not indented")
