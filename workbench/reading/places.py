"""What a place name looks like: "交城县", "白沙黎族自治县", "全国", never "县", "某县" or a phrase."""

from __future__ import annotations

import re

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
