"""Replaces one section of BENCHMARKS.md, the text between two markers
(or puts it before "## Notes", or at the end, if the markers are missing).
Shared by the report scripts of python/benchmarks/."""
import os
import re
import sys


def replace_section(bench, begin, end, body):
    """Writes `body` between `begin` and `end` in the file `bench` and
    prints the new section."""
    text = begin + "\n" + body + end + "\n"
    old = open(bench, encoding="utf-8").read() if os.path.exists(bench) else ""
    if begin in old and end in old:
        new = re.sub(re.escape(begin) + ".*?" + re.escape(end) + "\n?", lambda _: text, old, flags=re.S)
    elif "\n## Notes" in old:
        new = old.replace("\n## Notes", "\n" + text + "\n## Notes", 1)
    else:
        new = old + "\n" + text
    with open(bench, "w", encoding="utf-8") as f:
        f.write(new)
    sys.stdout.write(text)

