"""The indicator catalogue: canonical keys, aliases, direction, price basis, usual unit.

The data lives in `catalog.json` beside this module so an office can extend it.
`lookup(name)` finds the key for the wordings real reports use
(地区生产总值 / GDP / 地区生产总值GDP; 规上工业总产值 / 规模以上工业总产值).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("catalog.json")

HIGHER = "higher"
LOWER = "lower"
CURRENT = "current"
COMPARABLE = "comparable"

# Words that change nothing about which indicator is meant.
_NOISE = ("全镇", "全街", "全县", "全区", "全市", "全省", "全国", "全年", "全社会",
          "本镇", "我镇", "镇内", "县内", "区内", "市内", "境内",
          "完成", "实现", "总额", "总量", "总值", "（", "）", "(", ")", " ", "\u3000")
# "规模工业增加值" (without 以上) is how some county reports write 规上工业增加值.
_SHORTHANDS = (("规模以上", "规上"), ("限额以上", "限上"), ("规模工业", "规上工业"))


@dataclass(frozen=True)
class Indicator:
    key: str
    name: str
    aliases: tuple[str, ...]
    direction: str
    basis: str
    unit: str | None

    @property
    def lower_is_better(self) -> bool:
        return self.direction == LOWER


def _fold(name: str) -> str:
    """Fold a wording to a comparison form: drop scope words, unify shorthands."""
    text = name.upper().strip()
    for long, short in _SHORTHANDS:
        text = text.replace(long, short)
    for word in _NOISE:
        text = text.replace(word, "")
    return text


@lru_cache(maxsize=1)
def indicators() -> dict[str, Indicator]:
    with open(DATA_FILE, encoding="utf-8") as fh:
        rows = json.load(fh)
    out: dict[str, Indicator] = {}
    for row in rows:
        ind = Indicator(
            key=row["key"], name=row["name"], aliases=tuple(row.get("aliases", ())),
            direction=row.get("direction", HIGHER), basis=row.get("basis", CURRENT),
            unit=row.get("unit"),
        )
        out[ind.key] = ind
    return out


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for ind in indicators().values():
        for wording in (ind.name, *ind.aliases):
            index.setdefault(_fold(wording), ind.key)
    return index


@lru_cache(maxsize=4096)
def lookup(name: str | None) -> str | None:
    """The canonical key for an indicator's wording, or None when the catalogue lacks it."""
    if not name:
        return None
    folded = _fold(name)
    if not folded:
        return None
    index = _index()
    if folded in index:
        return index[folded]
    # "地区生产总值GDP", "固定资产投资额": try the wording with a known tail or head dropped.
    for suffix in ("GDP", "额", "增速", "增长", "增幅"):
        if folded.endswith(suffix) and folded[: -len(suffix)] in index:
            return index[folded[: -len(suffix)]]
    return None


def get(key: str | None) -> Indicator | None:
    if key is None:
        return None
    return indicators().get(key)


def suggest(prefix: str, limit: int = 10) -> list[str]:
    """Catalogue names that start with or contain what the drafter typed."""
    prefix = prefix.strip()
    names = [ind.name for ind in indicators().values()]
    if not prefix:
        return names[:limit]
    starts = [n for n in names if n.startswith(prefix)]
    contains = [n for n in names if prefix in n and n not in starts]
    aliases = [ind.name for ind in indicators().values()
               if any(prefix in a for a in ind.aliases) and ind.name not in starts + contains]
    return (starts + contains + aliases)[:limit]
