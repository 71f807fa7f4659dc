print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(ValueError, Exception))
print(issubclass(Exception, BaseException), issubclass(KeyboardInterrupt, Exception))
print(issubclass(PermissionError, OSError), issubclass(FileNotFoundError, OSError))
print(issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError))
print(issubclass(ModuleNotFoundError, ImportError), issubclass(UnboundLocalError, NameError))
print(issubclass(StopIteration, Exception), issubclass(SystemExit, Exception))
print(issubclass(TabError, IndentationError), issubclass(IndentationError, SyntaxError))
print(issubclass(bool, int), ZeroDivisionError.__mro__[1].__name__)
try:
    {}["x"]
except LookupError as e:
    print("LookupError caught", type(e).__name__)
