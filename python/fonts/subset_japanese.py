"""Writes assets/fonts/NotoSansCJKjp-Regular-subset.otf.gz, the Japanese
font numdiff-plot falls back on for every character DejaVu Sans lacks:

    target/python-venv/bin/python python/fonts/subset_japanese.py [--deb FILE]

Source: Noto Sans CJK JP Regular (SIL OFL 1.1, licenses/OFL-1.1-NotoSansCJK.txt)
from Debian's fonts-noto-cjk 1:20220127+repack1-1, fetched with
`apt-get download` (or given as --deb) and checked against its SHA-256.

Kept: the characters Japanese text needs (hiragana, katakana and its
phonetic extensions, half-width katakana, CJK symbols and punctuation,
full-width forms, and every character of JIS X 0208 rows 1-8 and the
6,355 kanji of levels 1 and 2, in both the EUC-JP and the Microsoft
(cp932) mappings), less every character DejaVu Sans 2.37 has: DejaVu
draws those, as matplotlib's font fallback would, and a fallback font
without them is never chosen for a whole run of text by resvg.
Dropped: hinting, OpenType layout (one character, one glyph, the advance
numdiff-plot measures), vertical metrics and the tables nothing reads.
The result is written gzip-compressed (mtime 0: the same bytes on every
run), and its SHA-256 and sizes are printed.
"""
import argparse
import gzip
import hashlib
import io
import json
import lzma
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

PACKAGE = "fonts-noto-cjk=1:20220127+repack1-1"
DEB_SHA256 = "4a2515eb6db3978b897fef9709ed0d2b1f4c6c4df4d83d6c4ef65f71f1b1f502"
TTC = "./usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FAMILY = "Noto Sans CJK JP"
DEJAVU_SHA256 = "7da195a74c55bef988d0d48f9508bd5d849425c1770dba5d7bfc6ce9ed848954"

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "assets" / "fonts" / "NotoSansCJKjp-Regular-subset.otf.gz"

# Blocks kept whole (before removing what DejaVu has).
BLOCKS = [
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x3040, 0x309F),  # Hiragana
    (0x30A0, 0x30FF),  # Katakana
    (0x31F0, 0x31FF),  # Katakana Phonetic Extensions
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms (half-width katakana)
]


def jis_x_0208():
    """Every character of JIS X 0208 (rows 1-8: symbols, kana, Greek,
    Cyrillic, box drawing; rows 16-47 and 48-84: kanji levels 1 and 2) as
    EUC-JP and cp932 decode them."""
    chars = set()
    for row in list(range(1, 9)) + list(range(16, 85)):
        for cell in range(1, 95):
            euc = bytes([0xA0 + row, 0xA0 + cell])
            for codec, raw in (("euc_jp", euc), ("cp932", euc_to_sjis(row, cell))):
                try:
                    text = raw.decode(codec)
                except UnicodeDecodeError:
                    continue
                if len(text) == 1:
                    chars.add(ord(text))
    return chars


def euc_to_sjis(row, cell):
    """The Shift_JIS bytes of JIS X 0208 row `row`, cell `cell`."""
    lead = (row + 1) // 2 + (0x70 if row <= 62 else 0xB0)
    if row % 2:
        trail = cell + (0x3F if cell <= 63 else 0x40)
    else:
        trail = cell + 0x9E
    return bytes([lead, trail])


def dejavu_path():
    """DejaVu Sans as the `dejavu` crate the binary embeds ships it."""
    meta = json.loads(subprocess.check_output(
        ["cargo", "metadata", "--format-version", "1", "--locked"], cwd=ROOT))
    for package in meta["packages"]:
        if package["name"] == "dejavu":
            crate = Path(package["manifest_path"]).parent
            return crate / "assets" / "dejavu-fonts-ttf-2.37" / "ttf" / "DejaVuSans.ttf"
    sys.exit("cargo metadata lists no dejavu crate")


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def fetch_deb(workdir):
    subprocess.run(["apt-get", "download", PACKAGE], cwd=workdir, check=True)
    debs = sorted(Path(workdir).glob("fonts-noto-cjk_*.deb"))
    if len(debs) != 1:
        sys.exit(f"apt-get download left {len(debs)} .deb files in {workdir}")
    return debs[0]


def ar_members(data):
    """The members of a Debian package (an `ar` archive) by name."""
    if data[:8] != b"!<arch>\n":
        sys.exit("not an ar archive")
    members, at = {}, 8
    while at + 60 <= len(data):
        header = data[at:at + 60]
        name = header[:16].decode().strip().rstrip("/")
        size = int(header[48:58].decode().strip())
        members[name] = data[at + 60:at + 60 + size]
        at += 60 + size + (size % 2)
    return members


def extract_ttc(deb):
    members = ar_members(deb)
    tar_xz = members.get("data.tar.xz")
    if tar_xz is None:
        sys.exit(f"the package has no data.tar.xz: {sorted(members)}")
    with tarfile.open(fileobj=io.BytesIO(lzma.decompress(tar_xz))) as tar:
        return tar.extractfile(TTC).read()


def family(font):
    return font["name"].getDebugName(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--deb", type=Path, help=f"a downloaded {PACKAGE} .deb")
    args = parser.parse_args()

    dejavu_bytes = dejavu_path().read_bytes()
    if sha256(dejavu_bytes) != DEJAVU_SHA256:
        sys.exit(f"DejaVuSans.ttf has SHA-256 {sha256(dejavu_bytes)}, expected {DEJAVU_SHA256}")
    dejavu = set(TTFont(io.BytesIO(dejavu_bytes))["cmap"].getBestCmap())

    with tempfile.TemporaryDirectory() as workdir:
        deb = (args.deb or fetch_deb(workdir)).read_bytes()
    if sha256(deb) != DEB_SHA256:
        sys.exit(f"the .deb has SHA-256 {sha256(deb)}, expected {DEB_SHA256}")
    collection = TTCollection(io.BytesIO(extract_ttc(deb)))
    faces = [f for f in collection.fonts if family(f) == FAMILY]
    if len(faces) != 1:
        sys.exit(f"{TTC} has {len(faces)} faces named {FAMILY!r}")
    font = faces[0]

    wanted = jis_x_0208()
    for first, last in BLOCKS:
        wanted.update(range(first, last + 1))
    has = set(font["cmap"].getBestCmap())
    unicodes = sorted((wanted & has) - dejavu)

    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.desubroutinize = False
    options.notdef_outline = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.name_languages = [0x409]
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx", "DSIG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)

    otf = io.BytesIO()
    font.save(otf)
    otf = otf.getvalue()
    packed = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=packed, compresslevel=9, mtime=0) as gz:
        gz.write(otf)
    packed = packed.getvalue()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(packed)

    print(f"{OUT.relative_to(ROOT)}: {len(unicodes)} characters, "
          f"{len(otf)} bytes, {len(packed)} gzipped")
    print(f"sha256 {sha256(packed)}")
    print(f"sha256 of the uncompressed font {sha256(otf)}")


if __name__ == "__main__":
    main()
