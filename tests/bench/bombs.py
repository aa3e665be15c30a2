#!/usr/bin/env python3
"""Writes the hostile .xlsx files of the fault tests (tests/bench/faults.sh, scenario `bombs`)
into the directory given: each a students file whose header row is right and whose rest is a
bomb. Standard library only; parts are written as streams, so the generator stays small too.

  python3 tests/bench/bombs.py DIR
"""
import sys
import zipfile

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
HEADER = "".join(
    f'<c r="{col}1" t="inlineStr"><is><t>{text}</t></is></c>'
    for col, text in [("A", "学号 (studentNumber)"), ("B", "姓名 (name)"),
                      ("C", "性别 (gender)"), ("D", "出生日期 (dateOfBirth)")]
)
MIB = 1024 * 1024


def book(path, rows=(), shared=None):
    """An .xlsx whose sheet is the header row then `rows` (an iterable of byte chunks), and whose
    shared strings are `shared` (an iterable of byte chunks) when given."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                   '<sheets><sheet name="students" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}"><sheetData><row r="1">{HEADER}</row>'.encode())
            for chunk in rows:
                f.write(chunk)
            f.write(b"</sheetData></worksheet>")
        if shared is not None:
            with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as f:
                f.write(f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}">'.encode())
                for chunk in shared:
                    f.write(chunk)
                f.write(b"</sst>")


def repeat(piece, times, per_chunk=65536):
    """`piece` `times` times, in chunks."""
    chunk = piece * per_chunk
    for _ in range(times // per_chunk):
        yield chunk
    yield piece * (times % per_chunk)


def main(out):
    # A cell at column FXSHRXW (the defect that aborted the process).
    book(f"{out}/far-column.xlsx", [b'<row r="2"><c r="FXSHRXW2" t="inlineStr"><is><t>x</t></is></c></row>'])
    # A row gap to Excel's last row.
    book(f"{out}/row-gap.xlsx", [b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>1</t></is></c></row>'])
    # One 200 MB cell (about 200 KB in the file).
    book(f"{out}/cell-200mb.xlsx",
         [b'<row r="2"><c r="A2" t="inlineStr"><is><t>', *repeat(b"9", 200 * MIB), b"</t></is></c></row>"])
    # 20 million shared strings (340 MB once decompressed).
    book(f"{out}/strings-20m.xlsx", shared=repeat(b"<si><t>a</t></si>", 20_000_000))
    # 2 million shared strings: just at the limit, so calamine holds them all (its worst case).
    book(f"{out}/strings-2m.xlsx", shared=repeat(b"<si><t>a</t></si>", 2_000_000))
    # 63 MiB of shared strings in 200 KiB strings: just under the size limit, held whole.
    big = b"<si><t>" + b"x" * (200 * 1024) + b"</t></si>"
    book(f"{out}/strings-63mib.xlsx", shared=repeat(big, 63 * MIB // len(big), 1))


if __name__ == "__main__":
    main(sys.argv[1])
