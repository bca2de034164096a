"""Replaces one section of BENCHMARKS.md, the text between two markers
(or puts it before "## Notes", or at the end, if the markers are missing).
Shared by the report scripts of compare/."""
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


MARKED = re.compile(r"(<!-- ([\w-]+): written by [^>]*-->)\n.*?(<!-- end of \2 -->)\n?", re.S)


def carry_sections(old_path, new_path):
    """Copies every marked section of `old_path` (each written by a script
    of its own) into `new_path`, which was written afresh without them."""
    if not os.path.exists(old_path):
        return
    old = open(old_path, encoding="utf-8").read()
    for m in MARKED.finditer(old):
        body = m.group(0)[len(m.group(1)) + 1 : -len(m.group(3)) - (1 if m.group(0).endswith("\n") else 0)]
        with open(os.devnull, "w", encoding="utf-8") as quiet:
            stdout, sys.stdout = sys.stdout, quiet
            try:
                replace_section(new_path, m.group(1), m.group(3), body)
            finally:
                sys.stdout = stdout


if __name__ == "__main__":
    carry_sections(sys.argv[1], sys.argv[2])
