"""The importer over the real corpus in ../shared/corpus (DESIGN §8, issue 11).

Expected values were written by reading each text: place and year as the text (or, where the
text is silent, the file's own name) states them, the number of chapters (the opening before
the first numbered chapter counts as one), and every main expected target with its name,
value, unit, growth and qualifier. None means the text does not say.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from sharedcorpus import CORPUS, MISSING

from workbench.reading.importer import ImportFailure, import_detailed, import_file, read_partial
from workbench.reading.lines import Line, clean_lines, is_furniture

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=MISSING)

# file: (place, year, chapters, [(name, value, unit, growth, qualifier), ...])
EXPECTED = {
    'local-pages/county-上杭县-20XX-laobiganzi.txt': ('上杭县', None, 2, [
    ]),
    'local-pages/county-某县-2024-wm114.txt': (None, 2024, 2, [
    ]),
    'local-pages/county-白沙县-2025-traditional-xtskoda.txt': ('白沙黎族自治縣', 2025, 2, [
    ]),
    'local-pages/county-龙游县-2025-targets-bx2200.txt': ('龙游县', 2025, 1, [
        ('地区生产总值', None, None, 7, None),
        ('固定资产投资', None, None, 10, '以上'),
        ('社会消费品零售总额', None, None, 7, None),
        ('外贸出口额占全市份额', None, None, None, '保持稳定'),
        ('一般公共预算收入', None, None, 7, '以上'),
        ('城乡居民人均可支配收入', None, None, None, '同步'),
        ('城镇调查失业率', 5, '%', None, '以内'),
        ('节能减排', None, None, None, '完成上级下达目标任务'),
    ]),
    'local-pages/district-龙岗区-2025-cezhidao.txt': ('龙岗区', 2025, 2, [
    ]),
    'local-pages/town-乡镇35篇-2023-guanshanwenku-p3.txt': (None, 2023, 2, [
    ]),
    'local-pages/town-某镇-2021-targets-lingbi.gov.cn.txt': (None, 2021, 1, [
        ('地区生产总值', None, None, 10, None),
        ('财政收入', 6800, '万元', None, '以上'),
        ('固定资产投资', None, None, 12, '以上'),
        ('社会消费品零售总额', None, None, 12, '以上'),
        ('农民人均纯收入', None, None, 15, '以上'),
    ]),
    'local-pages/town-进化镇-2023-sucai198-p94.txt': ('进化镇', 2023, 2, [
    ]),
    'national-txt/1954年国务院政府工作报告.txt': ('全国', 1954, 1, [
    ]),
    'national-txt/1956年国务院政府工作报告.txt': ('全国', 1956, 4, [
    ]),
    'national-txt/1958年国务院政府工作报告.txt': ('全国', 1958, 1, [
    ]),
    'national-txt/1960年国务院政府工作报告.txt': ('全国', 1960, 1, [
    ]),
    'national-txt/1975年国务院政府工作报告.txt': ('全国', 1975, 1, [
    ]),
    'national-txt/1979年国务院政府工作报告.txt': ('全国', 1979, 5, [
    ]),
    'national-txt/1981年国务院政府工作报告.txt': ('全国', 1981, 12, [
    ]),
    'national-txt/1983年国务院政府工作报告.txt': ('全国', 1983, 3, [
    ]),
    'national-txt/1985年国务院政府工作报告.txt': ('全国', 1985, 2, [
    ]),
    'national-txt/1987年国务院政府工作报告.txt': ('全国', 1987, 5, [
    ]),
    'national-txt/1992年国务院政府工作报告.txt': ('全国', 1992, 7, [
    ]),
    'national-txt/1994年国务院政府工作报告.txt': ('全国', 1994, 8, [
    ]),
    'national-txt/1997年国务院政府工作报告.txt': ('全国', 1997, 8, [
        ('全社会固定资产投资', 25300, '亿元', None, None),
        ('投资率', 32, '%', None, None),
    ]),
    'national-txt/1999年国务院政府工作报告.txt': ('全国', 1999, 11, [
    ]),
    'national-txt/2001年国务院政府工作报告.txt': ('全国', 2001, 11, [
    ]),
    'national-txt/2003年国务院政府工作报告.txt': ('全国', 2003, 3, [
        ('国内生产总值', None, None, 7, '左右'),
    ]),
    'national-txt/2005年国务院政府工作报告.txt': ('全国', 2005, 8, [
        ('国内生产总值', None, None, 8, '左右'),
        ('城镇新增就业', 900, '万人', None, None),
        ('城镇登记失业率', 4.6, '%', None, '控制在'),
        ('居民消费价格总水平涨幅', 4, '%', None, '控制在'),
        ('国际收支', None, None, None, '基本平衡'),
    ]),
    'national-txt/2007年国务院政府工作报告.txt': ('全国', 2007, 7, [
        ('国内生产总值', None, None, 8, '左右'),
        ('城镇新增就业人数', 900, '万人', None, '不低于'),
        ('城镇登记失业率', 4.6, '%', None, '以内'),
        ('物价总水平', None, None, None, '保持稳定'),
        ('居民消费价格总水平涨幅', 3, '%', None, '以内'),
    ]),
    'national-txt/2009年国务院政府工作报告.txt': ('全国', 2009, 4, [
        ('国内生产总值', None, None, 8, '左右'),
        ('城镇新增就业', 900, '万人', None, '以上'),
        ('城镇登记失业率', 4.6, '%', None, '以内'),
        ('居民消费价格总水平涨幅', 4, '%', None, '左右'),
        ('维护社会', None, None, None, '保持稳定'),
    ]),
    'national-txt/2011年国务院政府工作报告.txt': ('全国', 2011, 4, [
        ('国内生产总值', None, None, 8, '左右'),
        ('居民消费价格总水平涨幅', 4, '%', None, '左右'),
        ('城镇新增就业', 900, '万人', None, '以上'),
        ('城镇登记失业率', 4.6, '%', None, '以内'),
    ]),
    'national-txt/2013年国务院政府工作报告.txt': ('全国', 2013, 4, [
        ('国内生产总值', None, None, 7.5, '左右'),
        ('居民消费价格涨幅', 3.5, '%', None, '左右'),
        ('城镇新增就业', 900, '万人', None, '以上'),
        ('城镇登记失业率', 4.6, '%', None, '以下'),
        ('城乡居民人均收入', None, None, None, '同步'),
        ('劳动报酬', None, None, None, '同步'),
        ('国际收支状况', None, None, None, '进一步改善'),
    ]),
    'national-txt/2015年国务院政府工作报告.txt': ('全国', 2015, 7, [
        ('国内生产总值', None, None, 7, '左右'),
        ('居民消费价格涨幅', 3, '%', None, '左右'),
        ('城镇新增就业', 1000, '万人', None, '以上'),
        ('城镇登记失业率', 4.5, '%', None, '以内'),
        ('进出口', None, None, 6, '左右'),
        ('国际收支', None, None, None, '基本平衡'),
        ('居民收入', None, None, None, '同步'),
        ('能耗强度', None, None, -3.1, '以上'),
    ]),
    'national-txt/2017年国务院政府工作报告.txt': ('全国', 2017, 4, [
        ('国内生产总值', None, None, 6.5, '左右'),
        ('居民消费价格涨幅', 3, '%', None, '左右'),
        ('城镇新增就业', 1100, '万人', None, '以上'),
        ('城镇登记失业率', 4.5, '%', None, '以内'),
        ('国际收支', None, None, None, '基本平衡'),
        ('居民收入和经济', None, None, None, '基本同步'),
        ('单位国内生产总值能耗', None, None, -3.4, '以上'),
    ]),
    'national-txt/2019年国务院政府工作报告.txt': ('全国', 2019, 4, [
        ('国内生产总值', None, None, 6, '区间'),
        ('城镇新增就业', 1100, '万人', None, '以上'),
        ('城镇调查失业率', 5.5, '%', None, '左右'),
        ('居民消费价格涨幅', 3, '%', None, '左右'),
        ('国际收支', None, None, None, '基本平衡'),
        ('进出口', None, None, None, '稳中提质'),
        ('宏观杠杆率', None, None, None, '保持稳定'),
        ('居民收入', None, None, None, '基本同步'),
        ('生态环境', None, None, None, '进一步改善'),
        ('单位国内生产总值能耗', None, None, -3, '左右'),
    ]),
    'national-txt/2022年国务院政府工作报告.txt': ('全国', 2022, 4, [
        ('国内生产总值', None, None, 5.5, '左右'),
        ('城镇新增就业', 1100, '万人', None, '以上'),
        ('城镇调查失业率', 5.5, '%', None, '以内'),
        ('居民消费价格涨幅', 3, '%', None, '左右'),
        ('居民收入', None, None, None, '基本同步'),
        ('进出口', None, None, None, '保稳提质'),
        ('国际收支', None, None, None, '基本平衡'),
        ('粮食产量', 1.3, '万亿斤', None, '以上'),
        ('生态环境质量', None, None, None, '持续改善'),
    ]),
    'national-txt/2023年国务院政府工作报告.txt': ('全国', 2023, 3, [
        ('国内生产总值', None, None, 5, '左右'),
        ('城镇新增就业', 1200, '万人', None, '左右'),
        ('城镇调查失业率', 5.5, '%', None, '左右'),
        ('居民消费价格涨幅', 3, '%', None, '左右'),
        ('居民收入', None, None, None, '基本同步'),
        ('国际收支', None, None, None, '基本平衡'),
        ('粮食产量', 1.3, '万亿斤', None, '以上'),
    ]),
    'national-txt/2024年国务院政府工作报告.txt': ('全国', 2024, 4, [
        ('国内生产总值', None, None, 5, '左右'),
        ('城镇新增就业', 1200, '万人', None, '以上'),
        ('城镇调查失业率', 5.5, '%', None, '左右'),
        ('居民消费价格涨幅', 3, '%', None, '左右'),
        ('居民收入', None, None, None, '同步'),
        ('国际收支', None, None, None, '基本平衡'),
        ('粮食产量', 1.3, '万亿斤', None, '以上'),
        ('单位国内生产总值能耗', None, None, -2.5, '左右'),
        ('生态环境质量', None, None, None, '持续改善'),
    ]),
    'provincial-docx/2025年上海市政府工作报告.docx': ('上海市', 2025, 4, [
        ('地区生产总值', None, None, 5, '左右'),
        ('地方一般公共预算收入', None, None, 2, None),
        ('全社会研发经费支出相当于全市生产总值的比例', 4.5, '%', None, '左右'),
        ('城镇调查失业率', 5, '%', None, '以内'),
        ('居民人均可支配收入', None, None, None, '同步'),
        ('居民消费价格涨幅', 2, '%', None, '左右'),
        ('主要污染物重点工程减排量', None, None, None, '完成国家下达目标'),
    ]),
    'provincial-docx/2025年内蒙古自治区政府工作报告.docx': ('内蒙古自治区', 2025, 3, [
        ('地区生产总值', None, None, 6, '左右'),
        ('规模以上工业增加值', None, None, 7, '左右'),
        ('固定资产投资', None, None, 10, '左右'),
        ('一般公共预算收入同口径', None, None, 4, '以上'),
        ('城镇新增就业', 18, '万人', None, '以上'),
        ('城镇调查失业率', 5.5, '%', None, '左右'),
        ('居民收入', None, None, None, '基本同步'),
        ('居民消费价格涨幅', 2, '%', None, '左右'),
    ]),
    'provincial-docx/2025年吉林省政府工作报告.docx': ('吉林省', 2025, 4, [
        ('地区生产总值', None, None, 5.5, '左右'),
        ('粮食产量', 880, '亿斤', None, '以上'),
        ('固定资产投资', None, None, 5, '左右'),
        ('社会消费品零售总额', None, None, 6, '左右'),
        ('一般公共预算收入', None, None, 3, '左右'),
        ('城镇调查失业率', 5.5, '%', None, '左右'),
        ('居民消费价格指数涨幅', 2, '%', None, '左右'),
        ('单位GDP能耗', None, None, -2, '左右'),
    ]),
    'provincial-docx/2025年天津市政府工作报告.docx': ('天津市', 2025, 4, [
        ('地区生产总值', None, None, 5, '左右'),
        ('一般公共预算收入', None, None, 3, '左右'),
        ('固定资产投资', None, None, 3, '左右'),
        ('城镇调查失业率', 5.5, '%', None, '左右'),
        ('城镇新增就业', 30, '万人', None, None),
        ('居民消费价格涨幅', 2, '%', None, '左右'),
        ('居民人均可支配收入', None, None, None, '同步'),
        ('节能减排减污降碳', None, None, None, '完成国家下达目标'),
    ]),
    'provincial-docx/2025年安徽省政府工作报告.docx': ('安徽省', 2025, 4, [
        ('地区生产总值', None, None, 5.5, '以上'),
        ('全员劳动生产率', 16.8, '万元/人', None, '左右'),
        ('研究与试验发展经费投入强度', 2.85, '%', None, '左右'),
        ('固定资产投资', None, None, 5, '左右'),
        ('规上工业增加值', None, None, 7, '左右'),
        ('社会消费品零售总额', None, None, 5.5, '左右'),
        ('进出口总额', None, None, 5.5, '左右'),
        ('一般公共预算收入', None, None, 2, '左右'),
        ('城镇调查失业率', 5.5, '%', None, '左右'),
        ('城镇新增就业', 68, '万人', None, '左右'),
        ('居民消费价格涨幅', 2, '%', None, '左右'),
    ]),
    'provincial-docx/2025年山西省政府工作报告.docx': ('山西省', 2025, 4, [
        ('地区生产总值', None, None, 5, '左右'),
        ('固定资产投资', None, None, 6, '以上'),
        ('社会消费品零售总额', None, None, 5, '以上'),
        ('居民收入', None, None, None, '同步'),
        ('城镇新增就业', 45, '万人', None, None),
        ('城镇调查失业率', 5.5, '%', None, '左右'),
        ('居民消费价格涨幅', 2, '%', None, '左右'),
    ]),
    'provincial-docx/2025年广西政府工作报告.docx': ('广西壮族自治区', 2025, 3, [
        ('地区生产总值', None, None, 5, '左右'),
        ('城镇调查失业率', 5.5, '%', None, '左右'),
        ('城镇新增就业', 32, '万人', None, '以上'),
        ('居民消费价格涨幅', 2, '%', None, '左右'),
        ('居民收入', None, None, None, '同步'),
        ('粮食产量', 282, '亿斤', None, '左右'),
        ('糖料蔗种植面积', 1100, '万亩', None, '以上'),
        ('外贸进出口总额', None, None, 5, '以上'),
    ]),
    'provincial-docx/2025年江苏省政府工作报告.docx': ('江苏省', 2025, 4, [
        ('地区生产总值', None, None, 5, '以上'),
        ('城镇新增就业', 120, '万人', None, '以上'),
        ('居民消费价格涨幅', 2, '%', None, '左右'),
        ('居民收入', None, None, None, '基本同步'),
        ('社会消费品零售总额', None, None, 5.5, '左右'),
        ('全社会研发投入强度', 3.35, '%', None, '左右'),
        ('单位地区生产总值能耗', None, None, -2, '左右'),
        ('粮食产量', None, None, None, '保持稳定'),
    ]),
    'provincial-docx/2025年河北省政府工作报告.docx': ('河北省', 2025, 3, [
        ('地区生产总值', None, None, 5, '以上'),
        ('一般公共预算收入', None, None, 2, '左右'),
        ('规上工业增加值', None, None, 5.5, '左右'),
        ('固定资产投资', None, None, 5.5, '左右'),
        ('社会消费品零售总额', None, None, 5, '左右'),
        ('居民人均可支配收入', None, None, 5, '左右'),
        ('居民消费价格指数涨幅', 2, '%', None, '左右'),
        ('城镇调查失业率', 5.5, '%', None, '左右'),
    ]),
    'provincial-docx/2025年浙江省政府工作报告.docx': ('浙江省', 2025, 3, [
        ('地区生产总值', None, None, 5.5, '左右'),
        ('城镇调查失业率', 5, '%', None, '以内'),
        ('居民消费价格涨幅', 2, '%', None, '左右'),
        ('居民可支配收入', None, None, None, '基本同步'),
    ]),
    'provincial-docx/2025年湖北省政府工作报告.docx': ('湖北省', 2025, 4, [
        ('地区生产总值', None, None, 6, '左右'),
        ('城镇调查失业率', 5.5, '%', None, '左右'),
        ('城镇新增就业', 70, '万人', None, '以上'),
        ('居民消费价格涨幅', 2, '%', None, '左右'),
        ('居民收入', None, None, None, '同步'),
        ('粮食产量', 500, '亿斤', None, '以上'),
    ]),
    'provincial-docx/2025年甘肃省政府工作报告.docx': ('甘肃省', 2025, 4, [
        ('地区生产总值', None, None, 5.5, '左右'),
        ('规模以上工业增加值', None, None, 8, '左右'),
        ('固定资产投资', None, None, 5, '左右'),
        ('社会消费品零售总额', None, None, 5, '左右'),
        ('外贸进出口总额', None, None, 10, '左右'),
        ('一般公共预算收入同口径', None, None, 5.5, '左右'),
        ('居民消费价格涨幅', 2, '%', None, '左右'),
        ('城镇调查失业率', 5.5, '%', None, '左右'),
        ('城镇居民人均可支配收入', None, None, 5, '左右'),
        ('农村居民人均可支配收入', None, None, 7, '左右'),
        ('粮食产量', 252, '亿斤', None, '以上'),
        ('主要污染物排放', None, None, None, '完成国家下达目标'),
    ]),
    'provincial-docx/2025年西藏政府工作报告.docx': ('西藏自治区', 2025, 3, [
        ('地区生产总值', None, None, 7, '以上'),
        ('全社会固定资产投资', None, None, 15, '以上'),
        ('社会消费品零售总额', None, None, 8, '以上'),
        ('规上工业增加值', None, None, 16, None),
        ('城镇居民人均可支配收入', None, None, 8, None),
        ('农村居民人均可支配收入', None, None, 10, None),
        ('城镇调查失业率', 5, '%', None, '以内'),
        ('居民消费价格涨幅', 3, '%', None, '以内'),
    ]),
    'provincial-docx/2025年辽宁省政府工作报告.docx': ('辽宁省', 2025, 4, [
        ('地区生产总值', None, None, 5, '以上'),
        ('规模以上工业增加值', None, None, 4.5, '以上'),
        ('固定资产投资', None, None, 8, '左右'),
        ('社会消费品零售总额', None, None, 5, '以上'),
        ('一般公共预算收入', None, None, 4, None),
        ('进出口总额', None, None, 5, '左右'),
        ('城镇新增就业', 47, '万人', None, '左右'),
        ('城镇调查失业率', 5.5, '%', None, '左右'),
        ('居民消费价格涨幅', 2, '%', None, '左右'),
        ('居民人均可支配收入', None, None, None, '基本同步'),
        ('粮食产量', 500, '亿斤', None, '左右'),
        ('单位地区生产总值能耗', None, None, None, '完成国家下达任务'),
    ]),
    'provincial-docx/2025年陕西省政府工作报告.docx': ('陕西省', 2025, 3, [
        ('地区生产总值', None, None, 5, '左右'),
        ('一般公共预算收入', None, None, 3, None),
        ('城镇居民人均可支配收入', None, None, 5, None),
        ('农村居民人均可支配收入', None, None, 6, None),
        ('城镇新增就业', 40, '万人', None, '以上'),
        ('城镇调查失业率', 5.5, '%', None, '左右'),
        ('居民消费价格涨幅', 2, '%', None, '左右'),
        ('粮食产量', 1300, '万吨', None, '以上'),
    ]),
    'provincial-docx/2025年黑龙江省政府工作报告.docx': ('黑龙江省', 2025, 5, [
        ('地区生产总值', None, None, 5, '左右'),
        ('粮食产量', 1600, '亿斤', None, '以上'),
        ('城镇新增就业', 30, '万人', None, '以上'),
        ('城镇调查失业率', 5.8, '%', None, '左右'),
        ('居民消费价格涨幅', 2, '%', None, '左右'),
        ('城乡居民收入', None, None, None, '同步'),
        ('单位地区生产总值能耗', None, None, -3.5, '左右'),
        ('生态环境质量', None, None, None, '持续改善'),
    ]),
    'seed-town-shiling-2023-web.txt': (None, 2023, 1, [
        ('地区生产总值GDP', None, None, 8, '左右'),
        ('固定资产投资总额', 21.2, '亿元', 46.9, '左右'),
        ('规上工业总产值', 147, '亿元', 8, '左右'),
        ('批发零售业', 106, '亿元', 6, '左右'),
        ('限额以上社会消费零售总额', 1.26, '亿元', 6.8, '左右'),
        ('限额以上批发业销售总额', 106, '亿元', 7.7, '左右'),
    ]),
}

# Page furniture seen in the web pages, by reading them; none may survive as report text.
FURNITURE = {
    "seed-town-shiling-2023-web.txt": ["观山文库", "共计307941个字", "预计阅读时长", "第27/65页", "微信扫码",
                                       "加入收藏", "221381", "领取福利"],
    "local-pages/town-乡镇35篇-2023-guanshanwenku-p3.txt": ["观山文库", "共计307941个字", "第3/65页", "加入收藏"],
    "local-pages/town-进化镇-2023-sucai198-p94.txt": ["SUCAI198", "专注党建", "共计409844个字", "第94/122页",
                                                   "预计阅读时长"],
    "local-pages/county-某县-2024-wm114.txt": ["您的位置", "新文秘网", "发表时间", "省略912字", "wm114"],
    "local-pages/county-上杭县-20XX-laobiganzi.txt": ["阅读全部图文内容", "需要先登录"],
}
# Files whose text (or file name) does not state a place or a year.
NO_PLACE = {"local-pages/county-某县-2024-wm114.txt", "local-pages/town-乡镇35篇-2023-guanshanwenku-p3.txt",
            "local-pages/town-某镇-2021-targets-lingbi.gov.cn.txt", "seed-town-shiling-2023-web.txt"}
NO_YEAR = {"local-pages/county-上杭县-20XX-laobiganzi.txt"}


def _all_text(report) -> list[str]:
    out = [report.meta.title, report.meta.meeting, report.meta.speaker]
    for ch in report.chapters:
        out.append(ch.title or "")
        out.extend(s.title for s in ch.sections)
    out.extend(p.full_text for *_, p in report.paragraphs())
    return out


def _files() -> list[str]:
    """The corpus files this test keys by hand; keyed/ carries its own answer keys (score_keys.py)."""
    return sorted(str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*")
                  if p.is_file() and p.name != "README.md" and p.relative_to(CORPUS).parts[0] != "keyed")


def test_every_corpus_file_has_expected_values():
    assert sorted(EXPECTED) == _files(), "a corpus file without expected values (or one gone)"


@pytest.mark.parametrize("rel", sorted(EXPECTED))
def test_corpus_file(rel):
    place, year, chapters, targets = EXPECTED[rel]
    [got] = read_partial(CORPUS / rel)
    r = got.report
    assert (r.place or None, r.year or None) == (place, year)
    assert len(r.chapters) == chapters
    assert [(t.name, t.value, t.unit, t.growth_pct, t.qualifier) for t in r.targets] == targets
    # A plan figure is never a result: a text without a review chapter has no results.
    from workbench.document.commitments import chapter_is_review

    if not any(chapter_is_review(ch) for ch in r.chapters):
        assert r.results == []
    for piece in FURNITURE.get(rel, []):
        assert not any(piece in text for text in _all_text(r)), piece
    assert not any(re.fullmatch(r"\d+", text) for text in _all_text(r) if text)
    assert not any("Public domain" in text for text in _all_text(r))  # wikisource's licence line


@pytest.mark.parametrize("rel", sorted(EXPECTED))
def test_with_flags_every_file_imports(rel):
    reports = import_file(CORPUS / rel, place="测试县", year=2000)
    assert reports and all((r.place, r.year) == ("测试县", 2000) for r in reports)


def test_place_and_year_without_flags_where_the_text_states_them():
    stated = [rel for rel in EXPECTED if rel not in NO_PLACE | NO_YEAR]
    right = 0
    for rel in stated:
        place, year, *_ = EXPECTED[rel]
        try:
            [got] = import_detailed(CORPUS / rel)
        except ImportFailure:
            continue
        right += (got.report.place, got.report.year) == (place, year)
    assert right / len(stated) >= 0.98, f"{right}/{len(stated)}"


@pytest.mark.parametrize("rel,missing", [
    ("local-pages/county-上杭县-20XX-laobiganzi.txt", "年份"),
    ("local-pages/county-某县-2024-wm114.txt", "地点"),
    ("seed-town-shiling-2023-web.txt", "地点"),
])
def test_missing_place_or_year_is_named(rel, missing, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "workbench", "--db", str(tmp_path / "s.json"), "import",
                           str(CORPUS / rel)], capture_output=True, text=True)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and f"判断{missing}" in lines[0]
    assert ("--year" if missing == "年份" else "--place") in lines[0]
    assert not (tmp_path / "s.json").exists() or "上杭" not in (tmp_path / "s.json").read_text(encoding="utf-8")


def test_town_page_with_place_only():
    [got] = import_detailed(CORPUS / "seed-town-shiling-2023-web.txt", place="狮岭镇")
    r = got.report
    assert (r.place, r.year) == ("狮岭镇", 2023)
    assert (got.place_from, got.year_from) == ("指定", "页眉")
    assert len(r.chapters) == 1 and len(r.chapters[0].sections) == 6
    leads = [p.lead for s in r.chapters[0].sections for p in s.paragraphs if p.lead]
    assert len(leads) == 19
    assert all(lead.endswith("。") and len(lead) <= 20 for lead in leads)
    assert r.chapters[0].sections[0].title == "锚定高质量发展目标，全力以赴稳定经济增长"
    assert [t.key for t in r.targets] == ["gdp", "fixed_asset_investment", "industrial_output",
                                          "wholesale_retail_sales", "retail_sales_above_quota",
                                          "wholesale_sales_above_quota"]
    assert r.results == []
    # The targets passage is a target, never a commitment.
    assert not any("46.9%" in c.raw or "21.2亿元" in c.raw for c in r.commitments)


def test_the_corpus_town_targets_are_the_examples_targets():
    import json

    example = json.loads((Path(__file__).parents[1] / "examples" / "shiling-2023.json").read_text(encoding="utf-8"))
    [r] = import_file(CORPUS / "seed-town-shiling-2023-web.txt", place="狮岭镇")
    want = {t["key"]: (t["value"], t["growth_pct"]) for t in example["targets"] if t.get("key")}
    got = {t.key: (t.value, t.growth_pct) for t in r.targets}
    assert {k: got.get(k) for k in want} == want


def test_text_without_a_report_is_one_line_and_exit_2(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("首页 > 新闻中心 > 通知公告\n关于举办植树节活动的通知\n各村（社区）：\n请于3月12日上午到镇政府集合。\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "workbench", "--db", str(tmp_path / "s.json"), "import", str(page),
                           "--place", "某镇", "--year", "2024"], capture_output=True, text=True)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "没有找到报告" in proc.stderr


@pytest.mark.parametrize("line", [
    "文似观山不喜平 — — 观山文库◆记住我，来上我~", "您的位置：新文秘网>>政府报告>>正文", "221381",
    "索引号 | 发文字号 | 发布机构 | 成文日期", "微信扫码分享", "来源：解放日报",
    "扫一扫在手机打开当前页", "索引号：11410000-2024-00123  发文字号：豫政〔2024〕1号",
    "发布日期：2024-01-05 浏览次数：1234", "【字体：大 中 小】 【打印】 【关闭】", "【打印本页】【关闭窗口】",
    "分享到：微信 微博 QQ空间", "当前位置：首页 > 政务公开 > 政府工作报告", "首页 | 政务公开 | 政府工作报告",
    "责任编辑：王小明", "上一篇：关于2023年预算执行情况的报告", "本文共计5236个字，预计阅读时长18分钟",
    "汉滨区人民政府门户网站", "相关文章",
])
def test_furniture_lines(line):
    assert clean_lines([Line(line)]) == []


@pytest.mark.parametrize("line", [
    "分享经济蓬勃发展，新业态新模式不断涌现。", "来源于群众的意见建议，我们逐条研究落实。",
    "首页设计、公文写作等服务外包产业加快发展。", "中小企业发展", "大力发展",
    "坚持“两个毫不动摇”，分享发展成果。",
])
def test_report_lines_are_not_furniture(line):
    assert not is_furniture(line)
    assert [ln.text for ln in clean_lines([Line(line)])] == [line]
