# order: any
# Forgetting join(): the parent's main code ends first, but Python still waits for the child.
from multiprocessing import Process
import time


def late():
    time.sleep(0.2)
    print("child finished after the parent's last line")


if __name__ == "__main__":
    Process(target=late).start()
    print("parent reached the end of its code")
