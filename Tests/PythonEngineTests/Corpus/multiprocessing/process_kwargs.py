# Passing keyword arguments to the target.
from multiprocessing import Process


def describe(name, *, age, city="unknown"):
    print(f"{name} is {age} and lives in {city}")


if __name__ == "__main__":
    p = Process(target=describe, args=("Ana",), kwargs={"age": 31, "city": "Lisbon"})
    p.start()
    p.join()
    q = Process(target=describe, kwargs={"name": "Ben", "age": 4})
    q.start()
    q.join()
