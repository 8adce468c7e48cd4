"""Reading back the XLSX files tallybook writes (a zip of XML), for the tests: rows of values."""

from __future__ import annotations

import re
import zipfile
from xml.etree import ElementTree

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def rows(data_or_path) -> list[list]:
    """The first sheet's rows: numbers as floats, text as str, empty cells as None."""
    import io

    source = io.BytesIO(data_or_path) if isinstance(data_or_path, bytes) else data_or_path
    with zipfile.ZipFile(source) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            root = ElementTree.fromstring(z.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")) for si in root.findall("m:si", NS)]
        sheet = ElementTree.fromstring(z.read("xl/worksheets/sheet1.xml"))
    out = []
    for row in sheet.iter(f"{{{NS['m']}}}row"):
        cells: dict[int, object] = {}
        for c in row.findall("m:c", NS):
            col = _column(c.get("r"))
            kind, v = c.get("t"), c.find("m:v", NS)
            if kind == "inlineStr":
                cells[col] = "".join(t.text or "" for t in c.iter(f"{{{NS['m']}}}t"))
            elif kind == "s":
                cells[col] = shared[int(v.text)]
            elif kind == "b":
                cells[col] = v.text == "1"
            elif v is not None:
                cells[col] = float(v.text)
        out.append([cells.get(i) for i in range(max(cells, default=-1) + 1)])
    return out


def _column(ref: str) -> int:
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1
