# Parses "key=value" config lines, collecting errors instead of stopping.
lines = ["workers=4", "timeout=2.5", "name=pool", "retries=three", "verbose", "workers=8"]
config, errors = {}, []
for number, line in enumerate(lines, 1):
    try:
        key, value = line.split("=")
    except ValueError:
        errors.append(f"line {number}: missing '='")
        continue
    for conv in (int, float, str):
        try:
            value = conv(value)
            break
        except ValueError:
            pass
    if key in config:
        errors.append(f"line {number}: duplicate {key!r}")
    config[key] = value
print(config)
print("\n".join(errors))
print({k: type(v).__name__ for k, v in config.items()})
