def work():
    try:
        print("working")
        raise KeyError("job-7")
    finally:
        print("cleanup runs even when uncaught")

work()
