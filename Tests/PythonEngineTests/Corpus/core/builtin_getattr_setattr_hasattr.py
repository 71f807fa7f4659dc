class Config:
    debug = False

c = Config()
print(getattr(c, "debug"), getattr(c, "missing", "fallback"))
setattr(c, "level", 3)
print(c.level, hasattr(c, "level"), hasattr(c, "nope"))
delattr(c, "level")
print(hasattr(c, "level"))
for name in ["upper", "lower"]:
    print(getattr("MiXeD", name)())
try:
    getattr(c, "missing")
except AttributeError as e:
    print("AttributeError:", e)
