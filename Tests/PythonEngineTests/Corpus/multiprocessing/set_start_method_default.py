# The default start method on Linux (3.11) is fork; set_start_method changes it once.
import multiprocessing as mp


def show():
    print("child start method:", mp.get_start_method())


if __name__ == "__main__":
    print(mp.get_start_method(allow_none=True))
    mp.set_start_method("fork", force=True)
    print(mp.get_start_method())
    try:
        mp.set_start_method("spawn")
    except RuntimeError as e:
        print("RuntimeError:", e)
    p = mp.Process(target=show)
    p.start()
    p.join()
