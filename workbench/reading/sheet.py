"""The statistics bureau's spreadsheet in (统计快报, 主要经济指标完成情况表, 计划表).

`read_grid` turns a file into a grid of cells, whatever its format: .xlsx/.xlsm/.xls/.ods (and
WPS .et where the reader can) through python-calamine, .csv in UTF-8 or GB18030. Merged cells
are filled with their top-left value, and hidden rows of an .xlsx are named.
`read_sheet` then finds the table in the grid by its words: the header row (one row, or two
with merged cells above), the indicator column, the unit (a column, the header, "单位：万元" in a
title row, or the indicator's own "（亿元）"), the value and growth columns, and, when several
places stand side by side, the block of the report's place. Every row with a number comes
out as a `SheetRow`, mapped or not; footnotes are kept apart. Every failure is a
`SheetError` with one Chinese line naming the file and what to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from workbench import strings as S

SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".et")
MAX_BYTES = 50 * 1024 * 1024
RESULTS, TARGETS = "results", "targets"

# Header words, each folded (no spaces, half-width brackets) before they are looked for.
NAME_WORDS = ("指标名称", "指标", "项目", "名称", "主要指标")
UNIT_WORDS = ("计量单位", "单位")
GROWTH_WORDS = ("同比增长", "同比增减", "比上年增长", "增长", "增速", "增幅", "增减", "±%", "同比")
PRIOR_WORDS = ("上年同期", "上年", "去年同期", "同期")
TARGET_WORDS = ("预期目标", "目标", "计划")
VALUE_WORDS = ("本期", "本年", "本月止累计", "累计", "1-12月", "1—12月", "1～12月", "全年", "绝对值",
               "绝对数", "总量", "数值", "完成", "实绩", "数额", "金额", "本年累计")
ORDER_WORDS = ("序号", "排名", "位次", "名次")
NOTE_START = re.compile(r"^\s*(注|说明|备注|附注|数据来源|资料来源|来源|填报|制表|审核|\*|※)")
_UNIT_IN_TEXT = re.compile(r"单位\s*[:：]\s*([^\s,，;；)）]+)")
_UNIT_IN_BRACKETS = re.compile(r"[(（]\s*([^()（）]{1,6})\s*[)）]\s*$")
_YEAR_IN_TEXT = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年")
_PLACE_IN_TITLE = re.compile(r"([\u4e00-\u9fff]{2,12}?(?:省|市|县|区|镇|乡|街道))")
_NUMBERING = re.compile(r"^\s*(?:[0-9０-９]+\s*[.．、]|[(（][0-9一二三四五六七八九十]+[)）]|"
                        r"[一二三四五六七八九十]+\s*[、.．]|其中\s*[:：]?|#|△|▲|\*)\s*")
_PLAIN_NUMBER = re.compile(r"^[+-]?(?:[0-9]+(?:,[0-9]{3})*|[0-9]*)(?:\.[0-9]+)?$")
_EMPTY_MARKS = {"", "-", "—", "--", "——", "/", "…", "……", "－", "×", "x", "X", "无", "空", "/"}
_FULL = str.maketrans("０１２３４５６７８９．，－＋％（）：", "0123456789.,-+%():")


class SheetError(ValueError):
    """A spreadsheet that cannot be read as the bureau's table; the message is Chinese."""


@dataclass
class Grid:
    """One sheet as rows of cells (str, float, int, bool, dates or None)."""

    name: str
    rows: list[list]
    sheet_names: list[str]
    hidden_rows: set[int] = field(default_factory=set)  # 0-based
    merged: list = field(default_factory=list)  # ((r0, c0), (r1, c1)), 0-based, inclusive


@dataclass
class SheetRow:
    """One row of the table with a figure: where, what it says, the numbers as the sheet gives them."""

    line: int                       # 1-based, as the spreadsheet program numbers it
    text: str                       # the indicator's wording in the sheet
    value: float | None = None
    unit: str | None = None         # the sheet's unit for the value
    growth: float | None = None     # percent
    target_text: str | None = None  # a planning sheet's 预期目标 written as words ("8%左右")
    problem: str | None = None      # why this row cannot be used (a number written as text…)
    hidden: bool = False


@dataclass
class SheetRead:
    path: Path
    sheet: str
    rows: list[SheetRow]
    notes: list[str]                # footnote lines
    title: str                      # the title rows' text
    columns: str                    # which columns were read, said in Chinese
    warnings: list[str] = field(default_factory=list)


_SPACES = re.compile(r"\s+")


def fold(text) -> str:
    """A cell's text for comparison: full-width digits and brackets made half, spaces gone."""
    if text is None:
        return ""
    return _fold_str(text if isinstance(text, str) else str(text))


@lru_cache(maxsize=65536)
def _fold_str(text: str) -> str:
    return _SPACES.sub("", text.translate(_FULL))


# ------------------------------------------------------------ the file to a grid

def read_grid(path: Path, sheet: str | None = None) -> Grid:
    path = Path(path)
    if not path.exists():
        raise SheetError(S.SHEET_MISSING.format(path=path))
    if path.is_dir():
        raise SheetError(S.SHEET_IS_FOLDER.format(path=path))
    suffix = path.suffix.lower()
    if suffix not in SHEET_SUFFIXES:
        raise SheetError(S.SHEET_UNSUPPORTED.format(path=path, suffix=suffix or "无后缀",
                                                    suffixes="、".join(SHEET_SUFFIXES)))
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SheetError(S.SHEET_UNREADABLE.format(path=path, reason=exc.strerror or exc)) from None
    if size == 0:
        raise SheetError(S.SHEET_EMPTY_FILE.format(path=path))
    if size > MAX_BYTES:
        raise SheetError(S.SHEET_TOO_BIG.format(path=path, mb=size // (1024 * 1024)))
    if suffix == ".csv":
        return _read_csv(path)
    return _read_book(path, suffix, sheet)


def _read_csv(path: Path) -> Grid:
    import csv
    import io

    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string but a broken tail
        raise SheetError(S.SHEET_CSV_ENCODING.format(path=path))
    if "\x00" in text:
        raise SheetError(S.SHEET_CSV_ENCODING.format(path=path))
    sample = text[:4096]
    delimiter = max((",", "\t", ";"), key=sample.count)
    rows = [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    return Grid(path.stem, rows, [path.stem])


def _read_book(path: Path, suffix: str, sheet: str | None) -> Grid:
    try:
        import python_calamine as pc
    except ImportError:  # pragma: no cover - a dependency of the package
        raise SheetError(S.SHEET_NO_READER) from None
    head = path.read_bytes()[:8] if path.stat().st_size >= 8 else b""
    try:
        book = pc.CalamineWorkbook.from_path(str(path))
    except pc.PasswordError:
        raise SheetError(S.SHEET_PASSWORD.format(path=path)) from None
    except Exception as exc:  # calamine's errors for a broken or unknown file
        if _encrypted(path, head):
            raise SheetError(S.SHEET_PASSWORD.format(path=path)) from None
        if suffix == ".et":
            raise SheetError(S.SHEET_ET.format(path=path)) from None
        raise SheetError(S.SHEET_DAMAGED.format(path=path, reason=_short(exc))) from None
    try:
        names = list(book.sheet_names)
        visible = [m.name for m in book.sheets_metadata if str(m.visible).endswith("Visible")
                   and "Hidden" not in str(m.visible)] or names
        if sheet is not None:
            if sheet not in names:
                raise SheetError(S.SHEET_NO_SUCH_SHEET.format(path=path, sheet=sheet, names="、".join(names)))
            chosen = sheet
        else:
            chosen = (_first_with_table(book, visible) if len(visible) > 1 else None) or visible[0]
        ws = book.get_sheet_by_name(chosen)
        rows = ws.to_python(skip_empty_area=False)
        merged = ws.merged_cell_ranges or []
    except SheetError:
        raise
    except pc.PasswordError:
        raise SheetError(S.SHEET_PASSWORD.format(path=path)) from None
    except Exception as exc:
        raise SheetError(S.SHEET_DAMAGED.format(path=path, reason=_short(exc))) from None
    finally:
        try:
            book.close()
        except Exception:
            pass
    rows = [list(r) for r in rows]
    for (r0, c0), (r1, c1) in merged:
        if r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        top = rows[r0][c0]
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            for c in range(c0, min(c1, len(rows[r]) - 1) + 1):
                if (r, c) != (r0, c0) and rows[r][c] in ("", None):
                    rows[r][c] = top
    hidden = _hidden_rows(path, names.index(chosen)) if suffix in (".xlsx", ".xlsm") else set()
    return Grid(chosen, rows, names, hidden, [tuple(map(tuple, m)) for m in merged])


def _first_with_table(book, names: list[str]) -> str | None:
    """The first sheet whose top rows hold an indicator header."""
    for name in names:
        try:
            rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)[:20]
        except Exception:
            continue
        if _header_index(rows) is not None:
            return name
    return None


def _encrypted(path: Path, head: bytes) -> bool:
    """An Office file saved with a password is an OLE container holding EncryptionInfo
    (.xlsx) or an .xls whose stream says FILEPASS; either way calamine cannot open it."""
    if head[:8] != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return False
    try:
        data = path.read_bytes()[:1 << 20]
    except OSError:
        return False
    return "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data


def _short(exc: BaseException) -> str:
    """Why calamine could not read the file, in Chinese, from the error's kind."""
    name = type(exc).__name__
    if name == "ZipError" or "zip" in str(exc).lower():
        return S.SHEET_REASON_ZIP
    if name == "XmlError" or "xml" in str(exc).lower():
        return S.SHEET_REASON_XML
    if isinstance(exc, (PermissionError,)):
        return S.SHEET_REASON_PERMISSION
    return S.SHEET_REASON_OTHER


def _hidden_rows(path: Path, index: int) -> set[int]:
    """0-based rows marked hidden in the index-th sheet of an .xlsx (calamine reads them as
    any other row; the drafter is told, since a hidden row is often last year's figure)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            book = z.read("xl/workbook.xml").decode("utf-8", "replace")
            rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
            ids = re.findall(r"<(?:\w+:)?sheet\b[^>]*?r:id=\"([^\"]+)\"", book)
            if index >= len(ids):
                return set()
            target = re.search(r"<Relationship\b[^>]*Id=\"%s\"[^>]*Target=\"([^\"]+)\"" % re.escape(ids[index]), rels) \
                or re.search(r"<Relationship\b[^>]*Target=\"([^\"]+)\"[^>]*Id=\"%s\"" % re.escape(ids[index]), rels)
            if not target:
                return set()
            name = target.group(1).lstrip("/")
            name = name if name.startswith("xl/") else "xl/" + name
            xml = z.read(name).decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return set()
    out = set()
    for m in re.finditer(r"<(?:\w+:)?row\b([^>]*)>", xml):
        attrs = m.group(1)
        if re.search(r"\bhidden=\"(?:1|true)\"", attrs):
            r = re.search(r"\br=\"([0-9]+)\"", attrs)
            if r:
                out.add(int(r.group(1)) - 1)
    return out


# ------------------------------------------------------------ the grid to rows

@dataclass
class _Column:
    index: int
    label: str      # the header words of the column, top and bottom joined
    top: str        # the upper header row's word (a place's block, 1-12月 …)
    bottom: str


def _cell_text(c) -> str:
    if c is None:
        return ""
    if isinstance(c, float) and c.is_integer():
        return str(int(c))
    return str(c).strip()


def _has(text: str, words) -> bool:
    return any(w in text for w in words)


def _header_index(rows: list[list]) -> int | None:
    """The first row (of the first 25) that reads as a header: an indicator word beside another
    header word, or three header words."""
    def distinct(row) -> list[str]:
        # A merged title repeats across its cells: distinct short texts only.
        return list(dict.fromkeys(c for c in (fold(_cell_text(x)) for x in row) if c and len(c) <= 20))

    def roles(cells: list[str]) -> int:
        return sum(1 for c in cells if _has(c, UNIT_WORDS + GROWTH_WORDS + PRIOR_WORDS + TARGET_WORDS + VALUE_WORDS))

    for i, row in enumerate(rows[:25]):
        cells = distinct(row)
        if len(cells) < 2:
            continue
        name = any(c in NAME_WORDS or (c.startswith(NAME_WORDS) and len(c) <= 6) for c in cells)
        here = roles(cells)
        below = roles(distinct(rows[i + 1])) if i + 1 < len(rows) and not any(
            _is_number(c) for c in rows[i + 1]) else 0
        if (name and (here >= 1 or below >= 1)) or here >= 3:
            return i
    return None


def _is_number(c) -> bool:
    return isinstance(c, (int, float)) and not isinstance(c, bool)


def _header_rows(rows: list[list], first: int) -> int:
    """How many rows the header takes (1 or 2, 3 at most): a row below the first that holds no
    number and whose words are header words, or repeats merged text, belongs to it."""
    count = 1
    for i in range(first + 1, min(first + 3, len(rows))):
        row = rows[i]
        if any(_is_number(c) for c in row):
            break
        texts = [fold(_cell_text(c)) for c in row if _cell_text(c)]
        if not texts:
            break
        words = [t for t in texts if _has(t, UNIT_WORDS + GROWTH_WORDS + PRIOR_WORDS + TARGET_WORDS
                                          + VALUE_WORDS + NAME_WORDS) or "%" in t]
        if len(words) * 2 < len(texts):
            break
        count += 1
    return count


def _columns(rows: list[list], first: int, count: int) -> list[_Column]:
    width = max((len(r) for r in rows[first:first + count]), default=0)
    out = []
    for j in range(width):
        parts = []
        for r in rows[first:first + count]:
            t = fold(_cell_text(r[j] if j < len(r) else None))
            if t and (not parts or parts[-1] != t):
                parts.append(t)
        top = parts[0] if parts else ""
        out.append(_Column(j, "|".join(parts), top, parts[-1] if parts else ""))
    return out


def _place_stem(place: str) -> str:
    m = re.search(r"(街道办事处|街道|自治县|自治州|新区|开发区|省|市|县|区|镇|乡)$", place)
    return place[: m.start()] if m and m.start() >= 1 else place


def _whole_word(place: str) -> str | None:
    """"全镇" for a 镇, "全县" for a 县 …: how a sheet of one place names its own total."""
    for end, word in (("街道", "全街"), ("镇", "全镇"), ("乡", "全乡"), ("县", "全县"), ("区", "全区"),
                      ("市", "全市"), ("省", "全省")):
        if place.endswith(end):
            return word
    return None


def _names_place(label: str, place: str) -> bool:
    if not label:
        return False
    stem = _place_stem(place)
    return label == place or label == _whole_word(place) or (len(stem) >= 2 and label.startswith(stem)
                                                             and len(label) <= len(place) + 3)


def _looks_like_place(label: str) -> bool:
    if not label or _has(label, UNIT_WORDS + GROWTH_WORDS + PRIOR_WORDS + TARGET_WORDS + VALUE_WORDS
                         + NAME_WORDS + ORDER_WORDS):
        return False
    if re.fullmatch(r"全(镇|县|区|市|省|乡|街)|合计|总计|全部", label):
        return True
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,12}(省|市|县|区|镇|乡|街道|村|社区|园区|开发区)", label))


def detect_kind(grid: Grid) -> str:
    """TARGETS for a planning sheet (计划表: a 预期目标 column and no column of results), else RESULTS."""
    first = _header_index(grid.rows)
    if first is None:
        return RESULTS
    cols = _columns(grid.rows, first, _header_rows(grid.rows, first))
    labels = [c.label for c in cols if c.label]
    has_target = any(_has(t, TARGET_WORDS) for t in labels)
    results = [t for t in labels if _has(t, VALUE_WORDS) and not _has(t, TARGET_WORDS + PRIOR_WORDS)]
    if has_target and results:
        # "2023年完成" beside "2024年预期目标": last year's results next to the plan.
        target_years = [int(y) for t in labels if _has(t, TARGET_WORDS) for y in _YEAR_IN_TEXT.findall(t)]
        result_years = [int(y) for t in results for y in _YEAR_IN_TEXT.findall(t)]
        if target_years and result_years and len(result_years) == len(results) \
                and max(result_years) < max(target_years):
            results = []
    return TARGETS if has_target and not results else RESULTS


def read_sheet(path: Path, *, place: str, year: int, kind: str = RESULTS, sheet: str | None = None,
               column: str | None = None, grid: Grid | None = None) -> SheetRead:
    """The rows of figures of the bureau's table for `place`, whose numbers are of `year`
    (last year's results, or this year's targets from a 计划表). Raises SheetError."""
    path = Path(path)
    grid = grid or read_grid(path, sheet)
    rows = grid.rows
    where = f"{path.name}（{grid.name}）"
    first = _header_index(rows)
    if first is None:
        raise SheetError(S.SHEET_NO_HEADER.format(where=where))
    count = _header_rows(rows, first)
    cols = _columns(rows, first, count)
    title = " ".join(t for r in rows[:first] for t in (_cell_text(c) for c in r) if t)
    title = " ".join(dict.fromkeys(title.split(" ")))  # a merged title repeated across its cells
    in_header = any(_names_place(c.top, place) or _names_place(c.label, place) for c in cols)
    _refuse_other(title, where, place, year, kind, place_in_header=in_header)

    name_col = next((c.index for c in cols if c.bottom in NAME_WORDS or c.top in NAME_WORDS), None)
    if name_col is None:
        name_col = next((c.index for c in cols if _has(c.label, NAME_WORDS)), None)
    if name_col is None:
        name_col = _textual_column(rows[first + count:], cols)
    if name_col is None:
        raise SheetError(S.SHEET_NO_NAME_COLUMN.format(where=where))
    unit_col = next((c.index for c in cols if c.index != name_col and _has(c.label, UNIT_WORDS)
                     and not _has(c.label, GROWTH_WORDS)), None)

    # Several places side by side: the block (or column) whose upper word names the place.
    data_cols = [c for c in cols if c.index not in (name_col, unit_col) and c.label]
    places = list(dict.fromkeys(c.top for c in data_cols if _looks_like_place(c.top)))
    if len(places) >= 2 or (places and not any(_names_place(p, place) for p in places) and
                            len([c for c in data_cols if c.top in places]) >= 2):
        mine = [p for p in places if _names_place(p, place)]
        if not mine:
            raise SheetError(S.SHEET_OTHER_PLACES.format(where=where, place=place, places="、".join(places)))
        block = [c for c in data_cols if c.top == mine[0]]
        if len(block) == 1 and len(places) >= 2 and block[0].label == block[0].top:
            block = [_Column(block[0].index, block[0].label, "", "本期")]  # one column a place: its value
        data_cols = block
    value_col, growth_col = _value_growth(_of_year(data_cols, year, kind, where), kind, column, where)
    unit_text = next((u for r in rows[:first] for c in r if (u := _unit_from(_cell_text(c)))), None) or next((u for c in cols if (u := _unit_from(c.label))), None)
    unit_in_value = _bracket_unit(cols[value_col].label) if value_col is not None else None

    said = [S.SHEET_COLUMN_NAME.format(label=cols[name_col].label or "第1列")]
    if value_col is not None:
        said.append(S.SHEET_COLUMN_VALUE.format(label=cols[value_col].label.replace("|", "·")))
    if growth_col is not None:
        said.append(S.SHEET_COLUMN_GROWTH.format(label=cols[growth_col].label.replace("|", "·")))

    out: list[SheetRow] = []
    notes: list[str] = []
    ended = False
    for i in range(first + count, len(rows)):
        row = rows[i]
        cells = [_cell_text(c) for c in row]
        if not any(cells):
            continue
        text = cells[name_col] if name_col < len(cells) else ""
        if ended or NOTE_START.match(text or next((c for c in cells if c), "")):
            note = " ".join(c for c in dict.fromkeys(cells) if c)
            if note:
                notes.append(note)
            ended = ended or bool(NOTE_START.match(text or ""))
            continue
        if not text:
            continue
        name = _NUMBERING.sub("", text).strip()
        unit = None
        if unit_col is not None and unit_col < len(cells) and cells[unit_col]:
            unit = fold(cells[unit_col])
        m = _UNIT_IN_BRACKETS.search(fold(name))
        if m and _is_unit(m.group(1)):
            unit = unit or m.group(1)
            name = _UNIT_IN_BRACKETS.sub("", fold(name))
        unit = unit or unit_in_value or unit_text
        got = SheetRow(i + 1, name, unit=unit, hidden=i in grid.hidden_rows)
        any_number = False
        for col, role in ((value_col, "value"), (growth_col, "growth")):
            if col is None or col >= len(row):
                continue
            cell = row[col]
            number, problem = _number(cell)
            if problem and kind == TARGETS:
                got.target_text = fold(_cell_text(cell))
                if role == "growth" and not got.target_text.startswith(("增", "下", "降", "提", "上", "减",
                                                                         "同", "与", "力争", "基本")):
                    got.target_text = "增长" + got.target_text
                any_number = True
                continue
            if problem:
                got.problem = got.problem or S.SHEET_TEXT_NUMBER.format(
                    line=i + 1, name=name, text=_cell_text(cell), column=cols[col].label.replace("|", "·"))
                any_number = True
                continue
            if number is not None:
                any_number = True
                setattr(got, role, number)
        merged = _merged_over(grid.merged, i, (value_col, growth_col))
        if merged and not got.problem:
            got.problem = S.SHEET_MERGED_VALUE.format(first=merged[0] + 1, last=merged[1] + 1, name=name)
        if any_number:
            out.append(got)
    if not out:
        raise SheetError(S.SHEET_NO_ROWS.format(where=where))
    warnings = []
    hidden = [r.line for r in out if r.hidden]
    if hidden:
        warnings.append(S.SHEET_HIDDEN_ROWS.format(lines="、".join(map(str, hidden))))
    return SheetRead(path, grid.name, out, notes, title, "；".join(said), warnings)


def _merged_over(merges: list, row: int, cols: tuple) -> tuple[int, int] | None:
    """The rows (first, last) of a cell merged down over `row` in a value or growth column:
    its number belongs to no one row of them."""
    for (r0, c0), (r1, c1) in merges:
        if r0 <= row <= r1 and r1 > r0 and any(c is not None and c0 <= c <= c1 for c in cols):
            return r0, r1
    return None


def _textual_column(rows: list[list], cols: list[_Column]) -> int | None:
    """The column of the data rows that holds words most often (the indicators)."""
    best, best_n = None, 0
    for c in cols:
        n = sum(1 for r in rows[:50] if c.index < len(r) and isinstance(r[c.index], str)
                and re.search(r"[\u4e00-\u9fff]{2}", r[c.index]))
        if n > best_n:
            best, best_n = c.index, n
    return best


def _of_year(cols: list[_Column], year: int, kind: str, where: str) -> list[_Column]:
    """Columns headed by a year ("2023年1-12月", "2024年预期目标") count only for the year
    wanted; a sheet whose every dated column is of another year is refused."""
    def years(c: _Column) -> set[int]:
        return {int(y) for y in _YEAR_IN_TEXT.findall(c.label)}

    kept = [c for c in cols if not years(c) or year in years(c)]
    dated = [c for c in cols if years(c)]
    if dated and not any(year in years(c) for c in dated) and not [c for c in kept if _has(
            c.label, VALUE_WORDS + GROWTH_WORDS + TARGET_WORDS)]:
        found = sorted({y for c in dated for y in years(c)})
        what = S.SHEET_RESULTS_OF if kind == RESULTS else S.SHEET_TARGETS_OF
        raise SheetError(S.SHEET_OTHER_YEAR.format(where=where, years="、".join(map(str, found)), year=year,
                                                   what=what))
    return kept


def _value_growth(cols: list[_Column], kind: str, column: str | None, where: str
                  ) -> tuple[int | None, int | None]:
    """The value column and the growth column among a place's columns; `column` (the
    drafter's --column word) picks the value column (or, by a growth word, the growth one)."""
    def growth(c: _Column) -> bool:
        return _has(c.bottom, GROWTH_WORDS) or (c.bottom != c.top and "%" in c.bottom)

    usable = [c for c in cols if not _has(c.label, PRIOR_WORDS + ORDER_WORDS) or _has(c.bottom, GROWTH_WORDS)]
    usable = [c for c in usable if not (_has(c.top, PRIOR_WORDS) and not _has(c.bottom, GROWTH_WORDS))]
    if column:
        want = fold(column)
        picked = [c for c in cols if want in c.label]
        if not picked:
            raise SheetError(S.SHEET_NO_SUCH_COLUMN.format(
                where=where, column=column, labels="、".join(c.label.replace("|", "·") for c in cols if c.label)))
        first = picked[0]
        if growth(first):
            value = next((c.index for c in usable if not growth(c) and c.top == first.top and c.top != c.bottom), None)
            return value, first.index
        grow = next((c.index for c in usable if growth(c) and c.top == first.top and c.index > first.index), None)
        if grow is None:
            grow = next((c.index for c in usable if growth(c) and c.index > first.index), None)
        return first.index, grow
    growths = [c for c in usable if growth(c)]
    values = [c for c in usable if not growth(c)]
    if kind == TARGETS:
        targets = [c for c in values if _has(c.label, TARGET_WORDS)] or \
            [c for c in growths if _has(c.label, TARGET_WORDS)]
        if targets:
            t = targets[0]
            grow = next((c.index for c in growths if c.index > t.index and _has(c.label, TARGET_WORDS)), None)
            if growth(t):
                return None, t.index
            return t.index, grow
        raise SheetError(S.SHEET_NO_TARGET_COLUMN.format(where=where))
    values = [c for c in values if not _has(c.label, TARGET_WORDS)]
    growths = [c for c in growths if not _has(c.top, TARGET_WORDS)]
    preferred = [c for c in values if _has(c.label, VALUE_WORDS)] or values
    value = preferred[0] if preferred else None
    grow = None
    if value is not None:
        grow = next((c for c in growths if c.top == value.top and c.index > value.index and c.top != c.bottom), None)
        grow = grow or next((c for c in growths if c.index > value.index), None)
    grow = grow or (growths[0] if growths else None)
    if value is None and grow is None:
        raise SheetError(S.SHEET_NO_VALUE_COLUMN.format(where=where))
    return (value.index if value else None), (grow.index if grow else None)


def _unit_from(text: str) -> str | None:
    m = _UNIT_IN_TEXT.search(fold(text))
    if m and _is_unit(m.group(1)):
        return m.group(1)
    return None


def _bracket_unit(label: str) -> str | None:
    for part in label.split("|"):
        m = _UNIT_IN_BRACKETS.search(part)
        if m and _is_unit(m.group(1)):
            return m.group(1)
    return None


def _is_unit(text: str) -> bool:
    from workbench.document.figures import UNITS

    return text in UNITS or text in ("%", "％")


def _number(cell) -> tuple[float | None, bool]:
    """(the number, False), (None, False) for an empty or dash cell, (None, True) for a
    number written in words or with a scale ("1.2万", "约3亿")."""
    if cell is None or isinstance(cell, bool):
        return None, False
    if isinstance(cell, (int, float)):
        # A number cell holds no digits of display: 3.0 is 3, as the figure grammar reads "3%".
        return (int(cell) if float(cell).is_integer() and abs(cell) < 1e15 else float(cell)), False
    text = fold(cell)
    if text in _EMPTY_MARKS:
        return None, False
    text = text.rstrip("%")
    if _PLAIN_NUMBER.match(text) and any(ch.isdigit() for ch in text):
        return float(text.replace(",", "")), False
    if any(ch.isdigit() for ch in text) or re.search(r"[零一二三四五六七八九十百千万亿]", text):
        return None, True
    return None, False


def _refuse_other(title: str, where: str, place: str, year: int, kind: str, *,
                  place_in_header: bool = False) -> None:
    """A title that names another year, or another place, is refused with the reason (a
    county's sheet of its towns names the county above and the town in a header block)."""
    text = fold(title)
    years = {int(y) for y in _YEAR_IN_TEXT.findall(text)}
    if years and year not in years:
        what = S.SHEET_RESULTS_OF if kind == RESULTS else S.SHEET_TARGETS_OF
        raise SheetError(S.SHEET_OTHER_YEAR.format(where=where, years="、".join(map(str, sorted(years))),
                                                   year=year, what=what))
    from workbench.reading.places import valid_place

    named = [p for p in _PLACE_IN_TITLE.findall(re.sub(r"(?:19|20)[0-9]{2}年", " ", text))]
    named = [_strip_lead(p) for p in named]
    named = [p for p in named if valid_place(p)]
    if named and not place_in_header and not any(_names_place(p, place) or _names_place(place, p) or place in p for p in named):
        raise SheetError(S.SHEET_OTHER_PLACE.format(where=where, named=named[0], place=place))


def _strip_lead(text: str) -> str:
    """"全年狮岭镇" -> "狮岭镇": words a title puts before the place."""
    for lead in ("全年", "年度", "年", "月", "份", "度"):
        if text.startswith(lead):
            text = text[len(lead):]
    return text
