class ConfigError(Exception):
    pass

def load(d):
    try:
        return d["port"]
    except KeyError as e:
        raise ConfigError("missing port") from e

try:
    load({})
except ConfigError as e:
    print(e, "| cause:", repr(e.__cause__))
load({})
