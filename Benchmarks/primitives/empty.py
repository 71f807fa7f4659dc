# Baseline: interpreter start-up and exit only.
pass
