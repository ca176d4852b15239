"""Spreadsheets in the shapes the statistics bureau sends, made by the tests (openpyxl for
.xlsx, a hand-written OpenDocument zip for .ods, GB18030 text for .csv)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape


def xlsx(path: Path, rows: list[list], merges: tuple[str, ...] = (), hidden: tuple[int, ...] = (),
         title: str = "快报", extra_sheets: dict[str, list[list]] | None = None) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    for name, other in (extra_sheets or {}).items():
        ws = wb.create_sheet(name)
        for r in other:
            ws.append(r)
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    for m in merges:
        ws.merge_cells(m)
    for h in hidden:
        ws.row_dimensions[h].hidden = True
    wb.save(path)
    return path


def ods(path: Path, rows: list[list], spans: dict[tuple[int, int], int] | None = None) -> Path:
    """An .ods with one sheet; spans[(row, col)] = n merges n columns from that cell."""
    spans = spans or {}
    body = []
    for i, r in enumerate(rows):
        cells, skip = [], 0
        for j, c in enumerate(r):
            if skip:
                skip -= 1
                cells.append("<table:covered-table-cell/>")
                continue
            span = spans.get((i, j))
            attr = f' table:number-columns-spanned="{span}"' if span else ""
            skip = (span - 1) if span else 0
            if c is None or c == "":
                cells.append(f"<table:table-cell{attr}/>")
            elif isinstance(c, (int, float)):
                cells.append(f'<table:table-cell{attr} office:value-type="float" office:value="{c}">'
                             f"<text:p>{c}</text:p></table:table-cell>")
            else:
                cells.append(f'<table:table-cell{attr} office:value-type="string"><text:p>{escape(str(c))}'
                             f"</text:p></table:table-cell>")
        body.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    content = ('<?xml version="1.0" encoding="UTF-8"?>'
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               '<office:body><office:spreadsheet><table:table table:name="快报">'
               + "".join(body) + "</table:table></office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def csv_gb18030(path: Path, rows: list[list]) -> Path:
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    path.write_bytes(buf.getvalue().encode("gb18030"))
    return path


def kuaibao(path: Path, year: int = 2023, place: str = "狮岭镇") -> Path:
    """A 统计快报: a merged title row, a merged two-row header (1-12月 over 绝对值 and 同比增长),
    units in a column (one row in 万元), a numbered row, an unknown row, footnotes."""
    rows = [
        [f"{place}{year}年1-12月主要经济指标完成情况", None, None, None, None],
        ["指标名称", "计量单位", "1-12月", None, "上年同期"],
        [None, None, "绝对值", "同比增长(%)", None],
        ["1.地区生产总值", "亿元", None, 6.3, 92.1],
        ["固定资产投资", "万元", 235678.9, 4.8, 224500],
        ["规模以上工业总产值", "亿元", 151.2, 5.3, 143.6],
        ["批发零售业销售额", "亿元", 110.45, 3.0, 107.2],
        ["邮电业务总量", "万元", 3210, 2.2, 3140],
        ["注：1.地区生产总值增速按可比价计算。", None, None, None, None],
        ["2.数据来源：镇统计站。", None, None, None, None],
    ]
    return xlsx(path, rows, merges=("A1:E1", "A2:A3", "B2:B3", "C2:D2", "E2:E3"))
