"""What a place name looks like: "交城县", "白沙黎族自治县", "全国", never "县", "某县" or a phrase."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

_CJK = "\u4e00-\u9fff"

_PLACE_END = re.compile(r"(省|市|县|区|镇|乡|街道|自治区|自治州|州|旗|盟|地区|林区|特区|新区|开发区|办事处)$")
_SHORT_PLACES = {"全国", "广西", "西藏", "内蒙古", "新疆", "宁夏", "香港", "澳门"}
_NOT_IN_PLACE = re.compile(r"第|届|人民代表大会|代表大会|会议|某|政府|代表|我们|[在的是了]|本|该|各|X|x|"
                           r"下载|收藏|分享|举报|文档|文库|范文|阅读|打印|关闭|首页")


_SUFFIX_CHARS = set("省市县区镇乡州旗盟街道自治")


def valid_place(place: str) -> bool:
    """A place name: "交城县", "白沙黎族自治县", "全国" — never "县", "某县" or a meeting phrase."""
    if place in _SHORT_PLACES:
        return True
    if not re.fullmatch(f"[{_CJK}]{{2,16}}", place or ""):
        return False
    if _NOT_IN_PLACE.search(place) or place.startswith("全"):
        return False
    m = _PLACE_END.search(place)
    if not m:
        return False
    stem = place[: m.start()]
    return bool(stem) and not all(c in _SUFFIX_CHARS for c in stem)


# ------------------------------------------------------------ a place named only by its stem

PLACES_FILE = Path(__file__).with_name("places.txt")
# What a name's end says of its level, longest first: the level a text speaks as ("全县", "我市").
_LEVELS = (("自治县", "县"), ("自治旗", "旗"), ("自治州", "州"), ("县", "县"), ("市", "市"), ("区", "区"),
           ("旗", "旗"), ("盟", "盟"))
# Stems of real districts that are also ordinary words of a report ("高新技术", "新城建设").
# Stems of real places that are also ordinary words of a report ("高新技术", "乡村振兴", "突破…大关"),
# or sit inside them ("复杂多变"): never read as a place.
_ORDINARY_WORDS = {"高新", "新城", "城中", "和平", "新华", "城关", "开发", "平安", "经开", "新区", "中心",
                   "市中", "城东", "城西", "城南", "城北", "东城", "西城", "南城", "北城", "江北", "江南",
                   "河东", "河西", "新市", "长安", "永安", "安定", "太平", "清河", "白云", "青山", "金山",
                   "资源", "富裕", "惠民", "合作", "富民", "振兴", "红旗", "共和", "新兴", "大关", "同心",
                   "前进", "宏伟", "复兴", "安居", "市辖", "大新", "新和", "和政", "杂多", "兴海", "长治",
                   "大同", "民权", "安宁", "文明", "和顺", "兴业", "康乐",
                   "东方", "武功", "民和", "大通", "互助", "江城", "三江", "沿河", "河口", "新平", "石柱"}
# An autonomous county, banner or prefecture is named by the stem before its peoples' names
# ("漾濞" for 漾濞彝族自治县, "喀喇沁左翼" for 喀喇沁左翼蒙古族自治县).
_PEOPLES = ("蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|"
            "景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|鄂温克|德昂|保安|裕固|"
            "京|独龙|鄂伦春|赫哲")
_AUTONOMOUS = re.compile(rf"^(?P<stem>[{_CJK}]{{2,}}?)(?:(?:{_PEOPLES})族)+自治(?:县|旗|州)$")
_SPEAKS_AS = re.compile(r"(?:全|我|本)(县|市|区|旗|盟|州)(?![长委])|(县|市|区|旗|盟|州)(?:委|人民政府|政府|人大)")
_SCAN = 20_000
# What follows a place spoken of as itself: "柳林发展", "赤峰经济", "作出某市更大贡献".
_AS_ACTOR = r"(?:发展|经济|人民|大地|全域|境内|更大|高质量|城乡|贡献|实践|篇章)"


@lru_cache(maxsize=1)
def _stems() -> dict[str, dict[str, list[tuple[str, str]]]]:
    """Two-character head -> stem -> [(full name, level)] of every listed place."""
    out: dict[str, dict[str, list[tuple[str, str]]]] = {}
    try:
        names = PLACES_FILE.read_text(encoding="utf-8").splitlines()
    except OSError:
        return out
    for name in names:
        name = name.strip()
        if not name or name.startswith("#"):
            continue
        for suffix, level in _LEVELS:
            if name.endswith(suffix):
                stem = name[: -len(suffix)]
                if len(stem) >= 2 and stem not in _ORDINARY_WORDS:
                    out.setdefault(stem[:2], {}).setdefault(stem, []).append((name, level))
                short = _AUTONOMOUS.match(name)
                if short and short.group("stem") not in _ORDINARY_WORDS and short.group("stem") != stem:
                    out.setdefault(short.group("stem")[:2], {}).setdefault(short.group("stem"), []).append((name, level))
                break
    return out


def place_named_in(text: str) -> str | None:
    """The county, city or district a text names by its stem alone ("柳林", for 柳林县), as the
    text writes it: the text must speak as a place of its level ("我县", "县政府", twice), and the
    stem be the one such place it names, or the one it names most, twice at least."""
    text = text[:_SCAN]
    spoken = Counter(a or b for a, b in _SPEAKS_AS.findall(text))
    if not spoken:
        return None
    named = _named_stem(text, {lv for lv, k in spoken.items() if k >= 2})
    if named is None:
        # Spoken of as a county only once ("县委…全会"): the stem must then be named twice, and once
        # as the place itself ("作出漾濞贡献").
        named = _named_stem(text, set(spoken), twice_as_actor=True)
    return named


def _named_stem(text: str, levels: set[str], *, twice_as_actor: bool = False) -> str | None:
    heads = _stems()
    counts: Counter[str] = Counter()
    full: dict[str, str] = {}
    for i in range(len(text) - 1):
        bucket = heads.get(text[i:i + 2])
        if not bucket:
            continue
        for stem, named in bucket.items():
            if text.startswith(stem, i):
                for name, lv in named:
                    if lv in levels:
                        counts[stem] += 1
                        full[stem] = name
    if not counts:
        return None
    if twice_as_actor:
        # Only stems named twice and once as the place itself; exactly one such, or none.
        counts = Counter({st: k for st, k in counts.items()
                          if k >= 2 and re.search(re.escape(st) + _AS_ACTOR, text)})
        if len(counts) != 1:
            return None
    (stem, n), *rest = counts.most_common(2)
    if (rest and rest[0][1] == n) or (n < 2 and rest):
        return None  # two as likely, or one mention beside others
    if n < 2 and not re.search(re.escape(stem) + _AS_ACTOR, text):
        return None  # one mention must speak of the place itself ("是柳林发展史上…")
    return full[stem] if full[stem] in text else stem
