"""Packs a release archive around the binary of a built wheel.

    python .ci/archive.py WHEEL TARGET OUT_DIR

The archive holds, in one folder, the binary, README.md, CHANGELOG.md, the
licences, the shell completions and the manual page (both printed by the
binary itself, which must run here), and a `.sha256` file beside it in
`sha256sum`'s format. Its name and the binary's path inside come from
Cargo.toml's [package.metadata.binstall] (pkg-url and bin-dir), so that
`cargo binstall` finds exactly what this writes: a .tar.gz, or a .zip where
an override says pkg-fmt = "zip" (Windows). Prints the archive's path.

The release workflow runs it on each platform; .ci/wheel-check.sh on Linux.
"""

import hashlib
import io
import os
import pathlib
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHELLS = {
    "bash": "completions/numdiff-plot.bash",
    "zsh": "completions/_numdiff-plot",
    "fish": "completions/numdiff-plot.fish",
    "powershell": "completions/_numdiff-plot.ps1",
    "elvish": "completions/numdiff-plot.elv",
}
DOCS = ["README.md", "CHANGELOG.md", "licenses/LICENSE-MIT", "licenses/LICENSE-APACHE",
        "licenses/DejaVu-Fonts-LICENSE.txt"]


def fill(template: str, values: dict) -> str:
    """cargo-binstall's `{ name }` placeholders, filled."""
    for key, value in values.items():
        template = template.replace("{ %s }" % key, value)
    if "{" in template:
        sys.exit(f"archive.py: unknown placeholder left in {template!r}")
    return template


def layout(target: str) -> tuple[str, str, str]:
    """(archive file name, the binary's path inside it, pkg-fmt) for `target`."""
    package = tomllib.loads((ROOT / "Cargo.toml").read_text())["package"]
    binstall = package["metadata"]["binstall"]
    fmt = binstall.get("overrides", {}).get(target, {}).get("pkg-fmt", binstall["pkg-fmt"])
    suffix = {"tgz": ".tar.gz", "zip": ".zip"}[fmt]
    windows = "windows" in target
    values = {
        "repo": package["repository"],
        "name": package["name"],
        "version": package["version"],
        "target": target,
        "archive-suffix": suffix,
        "bin": package["name"],
        "binary-ext": ".exe" if windows else "",
    }
    url = fill(binstall["pkg-url"], values)
    return url.rsplit("/", 1)[1], fill(binstall["bin-dir"], values), fmt


def binary_from(wheel: pathlib.Path, exe: str) -> bytes:
    """The binary a `bindings = "bin"` wheel carries in its .data/scripts/."""
    with zipfile.ZipFile(wheel) as z:
        names = [n for n in z.namelist() if n.endswith(".data/scripts/" + exe)]
        if len(names) != 1:
            sys.exit(f"archive.py: {wheel}: expected one .data/scripts/{exe}, found {names}")
        return z.read(names[0])


def main() -> None:
    if len(sys.argv) != 4:
        sys.exit("usage: python .ci/archive.py WHEEL TARGET OUT_DIR")
    wheel, target, out = pathlib.Path(sys.argv[1]), sys.argv[2], pathlib.Path(sys.argv[3])
    name, bin_path, fmt = layout(target)
    folder, exe = bin_path.rsplit("/", 1)
    files = {bin_path: binary_from(wheel, exe)}
    with tempfile.TemporaryDirectory() as tmp:
        binary = pathlib.Path(tmp) / exe
        binary.write_bytes(files[bin_path])
        binary.chmod(0o755)
        for shell, path in SHELLS.items():
            files[f"{folder}/{path}"] = subprocess.run(
                [binary, "completions", shell], check=True, capture_output=True).stdout
        files[f"{folder}/man/numdiff-plot.1"] = subprocess.run(
            [binary, "man"], check=True, capture_output=True).stdout
    for doc in DOCS:
        files[f"{folder}/{pathlib.Path(doc).name}"] = (ROOT / doc).read_bytes()

    out.mkdir(parents=True, exist_ok=True)
    archive = out / name
    # Every entry dated the release's commit where the workflow says when.
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    if fmt == "zip":
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
            for path, data in files.items():
                info = zipfile.ZipInfo(path, date_time=time.gmtime(max(mtime, 315532800))[:6])
                info.external_attr = (0o755 if path == bin_path else 0o644) << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, data)
    else:
        with tarfile.open(archive, "w:gz") as t:
            for path, data in files.items():
                info = tarfile.TarInfo(path)
                info.size = len(data)
                info.mtime = mtime
                info.mode = 0o755 if path == bin_path else 0o644
                t.addfile(info, io.BytesIO(data))
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    (out / (name + ".sha256")).write_text(f"{digest}  {name}\n")
    print(archive)


if __name__ == "__main__":
    main()
