#!/usr/bin/env python3
"""Regenerate the recorded CPython expectations of the differential corpus.

Usage (from anywhere; needs CPython 3.11 as `python3`):

    python3 Tests/PythonEngineTests/Differential/record.py            # rewrite every .expected
    python3 Tests/PythonEngineTests/Differential/record.py --check    # compare only, write nothing
    python3 Tests/PythonEngineTests/Differential/record.py core/generator_send.py ...

For each snippet in Corpus/core and Corpus/multiprocessing it runs CPython several times
(stdin is /dev/null, cwd is the snippet's folder, a different PYTHONHASHSEED per run) and writes
`<snippet>.expected` next to it. Runs must agree (as a multiset of stdout lines for snippets
with `# order: any`, exactly otherwise); any disagreement is reported as FLAKY and the file is
not written, because a flaky recording would make the Swift harness flaky too. Snippets slower
than --slow seconds are reported too (the corpus must stay fast).

Corpus/sandbox holds engine-only snippets whose expectations are written by hand (CPython does
not block what the engine blocks); this script only validates their .expected files.

The expectation format and the normalisation rules are mirrored by the Swift harness
(Differential/Expectation.swift, Differential/OutputNormalizer.swift); keep them in sync.

Expectation file format (UTF-8):

    # comment lines (ignored)
    exit: <exit status; -N when killed by signal N>
    stderr: <last non-blank line of stderr, trailing blanks removed, normalised; or nothing>
    stderr-type: <exception type name>    (hand-written files only, instead of `stderr:`:
                                           the last stderr line must be `<type>` or `<type>: ...`)
    stdout:
    <stdout after normalisation, verbatim to the end of the file>
"""

import argparse
import concurrent.futures
import os
import random
import re
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, "..", "Corpus"))
RECORDED_FOLDERS = ("core", "multiprocessing")
HAND_WRITTEN_FOLDERS = ("sandbox",)
DIRECTIVE_LINES = 5
DEFAULT_TIMEOUT = 20.0

ADDRESS = re.compile(r"\bat 0x[0-9a-fA-F]+")
PY_PATH = re.compile(r"(?:[A-Za-z]:)?(?:[^\s\"'<>()/]*/)+([^\s\"'<>()/]+\.py)\b")


def normalise(text):
    """What legitimately varies between runs and machines: object addresses and file paths."""
    text = ADDRESS.sub("at 0x\u2026", text)
    return PY_PATH.sub(r"\1", text)


def last_stderr_line(stderr):
    lines = [line.rstrip() for line in stderr.splitlines()]
    lines = [line for line in lines if line.strip()]
    return normalise(lines[-1]) if lines else ""


def directives(path):
    """`# key: value` comments among the first DIRECTIVE_LINES lines of a snippet."""
    found = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for _, line in zip(range(DIRECTIVE_LINES), f):
            m = re.match(r"#\s*([a-z-]+):\s*(.*?)\s*$", line)
            if m and m.group(1) in ("order", "timeout"):
                found[m.group(1)] = m.group(2)
    return found


def render(exit_status, stderr_line, stdout):
    return (
        "# Recorded from CPython %d.%d.%d by Differential/record.py; regenerate, do not edit.\n"
        % sys.version_info[:3]
        + "exit: %d\n" % exit_status
        + ("stderr: %s\n" % stderr_line if stderr_line else "stderr:\n")
        + "stdout:\n"
        + stdout
    )


def parse_expected(text):
    header, sep, stdout = text.partition("\nstdout:\n")
    if not sep:
        if text.endswith("\nstdout:") or text.startswith("stdout:\n"):
            header, stdout = text.rsplit("stdout:", 1)[0], ""
        else:
            raise ValueError("no 'stdout:' line")
    fields = {}
    for line in header.split("\n"):
        if not line or line.startswith("#"):
            continue
        key, colon, value = line.partition(":")
        if not colon or key not in ("exit", "stderr", "stderr-type"):
            raise ValueError("unexpected header line %r" % line)
        fields[key] = value[1:] if value.startswith(" ") else value
    if "exit" not in fields:
        raise ValueError("no 'exit:' line")
    return int(fields["exit"]), fields.get("stderr", ""), stdout


def clean_environment():
    """`python3 FILE.py` as a student would run it: no PYTHON* settings inherited from this
    shell (PYTHONUNBUFFERED, for one, makes print() write piecewise, so lines from concurrent
    processes interleave mid-line), UTF-8 output whatever the locale."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run_once(path, timeout, hash_seed):
    env = clean_environment()
    env["PYTHONHASHSEED"] = str(hash_seed)
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, os.path.basename(path)],
        cwd=os.path.dirname(path),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    elapsed = time.monotonic() - started
    stdout = normalise(out.decode("utf-8", errors="replace"))
    return (proc.returncode, last_stderr_line(err.decode("utf-8", errors="replace")), stdout), elapsed


def comparable(outcome, any_order):
    code, err, out = outcome
    return (code, err, sorted(out.splitlines()) if any_order else out)


def record(path, runs, timeout):
    """Returns (path, first outcome or None, problems, slowest run in seconds)."""
    d = directives(path)
    any_order = d.get("order") == "any"
    timeout = float(d.get("timeout", timeout))
    outcomes, problems, slowest = [], [], 0.0
    for i in range(runs if any_order else max(2, runs - 1)):
        try:
            outcome, elapsed = run_once(path, timeout, random.randrange(1, 2**32 - 1))
        except subprocess.TimeoutExpired:
            return path, None, ["TIMEOUT after %.0f s" % timeout], timeout
        slowest = max(slowest, elapsed)
        outcomes.append(outcome)
    first = comparable(outcomes[0], any_order)
    for other in outcomes[1:]:
        if comparable(other, any_order) != first:
            problems.append("FLAKY: runs disagree:\n  %r\n  %r" % (outcomes[0], other))
            break
    return path, outcomes[0], problems, slowest


def same_as_recorded(expected_path, outcome, any_order):
    """Keeps regeneration idempotent: an `# order: any` recording is not rewritten just because
    this run's lines came out in another order."""
    try:
        with open(expected_path, encoding="utf-8") as f:
            return comparable(parse_expected(f.read()), any_order) == comparable(outcome, any_order)
    except (OSError, ValueError):
        return False


def snippets(folders, selected):
    if selected:
        return [os.path.join(CORPUS, s) if not os.path.isabs(s) else s for s in selected]
    found = []
    for folder in folders:
        root = os.path.join(CORPUS, folder)
        for dirpath, _, files in os.walk(root):
            found += [os.path.join(dirpath, f) for f in files if f.endswith(".py")]
    return sorted(found)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", help="snippets relative to Corpus/ (default: all)")
    ap.add_argument("--check", action="store_true", help="compare with the recordings; write nothing")
    ap.add_argument("--runs", type=int, default=3, help="runs per `# order: any` snippet (default 3)")
    ap.add_argument("--jobs", type=int, default=max(2, os.cpu_count() or 2))
    ap.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
    ap.add_argument("--slow", type=float, default=1.0, help="report snippets slower than this")
    args = ap.parse_args()

    if sys.version_info[:2] != (3, 11):
        print("warning: recording with Python %d.%d, the reference is 3.11" % sys.version_info[:2], file=sys.stderr)

    failures = 0
    paths = [p for p in snippets(RECORDED_FOLDERS, args.paths)
             if os.path.relpath(p, CORPUS).split(os.sep)[0] in RECORDED_FOLDERS]
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for path, outcome, problems, slowest in pool.map(lambda p: record(p, args.runs, args.timeout), paths):
            rel = os.path.relpath(path, CORPUS)
            if slowest > args.slow:
                print("SLOW  %s: %.2f s" % (rel, slowest))
            if problems:
                failures += 1
                print("FAIL  %s: %s" % (rel, "; ".join(problems)))
                continue
            text = render(*outcome)
            expected_path = path[:-3] + ".expected"
            if args.check:
                try:
                    with open(expected_path, encoding="utf-8") as f:
                        recorded = parse_expected(f.read())
                except (OSError, ValueError) as e:
                    failures += 1
                    print("FAIL  %s: cannot read expectation: %s" % (rel, e))
                    continue
                any_order = directives(path).get("order") == "any"
                if comparable(recorded, any_order) != comparable(outcome, any_order):
                    failures += 1
                    print("STALE %s:\n  recorded %r\n  now      %r" % (rel, recorded, outcome))
            elif not same_as_recorded(expected_path, outcome, directives(path).get("order") == "any"):
                with open(expected_path, "w", encoding="utf-8", newline="") as f:
                    f.write(text)

    for path in snippets(HAND_WRITTEN_FOLDERS, []):
        rel = os.path.relpath(path, CORPUS)
        try:
            with open(path[:-3] + ".expected", encoding="utf-8") as f:
                parse_expected(f.read())
        except (OSError, ValueError) as e:
            failures += 1
            print("FAIL  %s: hand-written expectation: %s" % (rel, e))

    print("%d snippet(s) recorded%s, %d problem(s)" % (len(paths), " (check only)" if args.check else "", failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
