"""ICU's data for the bundle, trimmed to what the till reads: about 5 MB instead of 32 MB.

PySide6's Linux wheels carry Qt's own ICU, whose `libicudata.so.NN` is one table of every
locale, converter and dictionary ICU has. Qt reads only some of it (collation and case for
the till's language, time zones, Unicode properties), so the bundle gets a copy of that
library holding the same data package less:

- the character-set converters (`*.cnv`): Qt reads and writes UTF-8 and UTF-16 itself;
- the word-break dictionaries for Chinese, Japanese, Khmer, Lao, Burmese and Thai;
- transliteration, which Qt never calls;
- every locale's data except the root and the English and French locales.

The data package is cut with ICU's own `icupkg` (Debian's icu-devtools) and wrapped in a shared
library with the same name and symbol by the C compiler, as ICU's `pkgdata` does; the ELF
header is read here to find the data. When a tool is missing the full library stays and the
build says so.

    python packaging/linux/icu_data.py LIBICUDATA OUT_FOLDER    # prints the trimmed library
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

LANGUAGES = ("en", "fr")
# A locale's ID starts with its language (de, sr_Latn_RS, en_US_POSIX, de_ for de__PHONEBOOK);
# res_index is the one shared table named like one.
LOCALE = re.compile(r"[a-z]{2,3}(_\w*)?")
DICTIONARIES = re.compile(r"brkitr/.*\.dict")
# icupkg's complaint when a kept item names a cut one: only the root's break rules may name
# the dictionaries (ICU breaks those scripts' words without them, as its own data filters allow).
MISSING = re.compile(r"Item (\S+) depends on missing item (\S+)")


def unwanted(item: str) -> bool:
    """Whether the package's `item` (`coll/de.res`, `ibm-943_P15A-2003.cnv`) is cut."""
    if item.endswith(".cnv") or item.startswith("translit/") or DICTIONARIES.fullmatch(item):
        return True
    stem, _, suffix = item.rpartition("/")[2].partition(".")
    if suffix != "res" or stem == "res_index" or not LOCALE.fullmatch(stem):
        return False  # shared tables: pool.res, res_index.res, supplementalData.res, ucadata.icu
    return stem.split("_")[0] not in LANGUAGES


def data_symbol(library: Path) -> tuple[str, int, int]:
    """The data's symbol (`icudt73_dat`), its file offset and size, from the ELF64 tables."""
    blob = library.read_bytes()
    if blob[:4] != b"\x7fELF" or blob[4] != 2 or blob[5] != 1:
        raise ValueError(f"{library}: not a little-endian 64-bit ELF file")
    shoff, = struct.unpack_from("<Q", blob, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", blob, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", blob, shoff + i * shentsize)
                for i in range(shnum)]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strings = sections[link][4]
        for at in range(offset, offset + size, entsize):
            name_at, _sym_info, _other, index, value, length = struct.unpack_from(
                "<IBBHQQ", blob, at)
            name = blob[strings + name_at:blob.index(b"\0", strings + name_at)].decode()
            if re.fullmatch(r"icudt\d+_dat", name):
                section = sections[index]
                return name, value - section[3] + section[4], length
    raise ValueError(f"{library}: no icudtNN_dat symbol")


def trim(library: Path, out_folder: Path) -> Path:
    """A copy of `library` in `out_folder` with the data package less what `unwanted` names."""
    for tool in ("icupkg", "cc"):
        if shutil.which(tool) is None:
            raise FileNotFoundError(f"{tool} is not installed (apt-get install icu-devtools gcc)")
    symbol, offset, size = data_symbol(library)
    package = symbol.removesuffix("_dat") + "l"  # icudt73l: the items' prefix, little-endian
    out_folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        full = work / "full" / f"{package}.dat"  # icupkg names the items after the file
        full.parent.mkdir()
        with library.open("rb") as f:
            f.seek(offset)
            full.write_bytes(f.read(size))
        listing = work / "items.txt"
        subprocess.run(["icupkg", "-l", "-o", str(listing), str(full)], check=True,
                       stdout=subprocess.DEVNULL)
        items = listing.read_text().split()
        (work / "cut.txt").write_text("\n".join(i for i in items if unwanted(i)) + "\n")
        trimmed = work / full.name
        command = ["icupkg", "-r", "cut.txt", "-s", str(work), str(full), trimmed.name]
        checked = subprocess.run(command, cwd=work, capture_output=True, text=True)
        if checked.returncode:
            missing = MISSING.findall(checked.stderr)
            if not missing or any(not DICTIONARIES.fullmatch(cut) for _kept, cut in missing):
                raise RuntimeError(f"icupkg: {checked.stderr.strip()}")
            subprocess.run([*command[:1], "--ignore-deps", *command[1:]], check=True, cwd=work,
                           stdout=subprocess.DEVNULL)
        assembly = work / "icudata.S"
        assembly.write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n"
            f"{symbol}:\n\t.incbin \"{trimmed}\"\n\t.size {symbol}, . - {symbol}\n"
            "\t.section .note.GNU-stack,\"\",@progbits\n")
        out = out_folder / library.name
        subprocess.run(["cc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}",
                        "-Wl,-z,noexecstack", "-o", str(out), str(assembly)], check=True)
    return out


if __name__ == "__main__":
    print(trim(Path(sys.argv[1]), Path(sys.argv[2])))
