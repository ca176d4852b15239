"""Every string the drafter reads, in one place: messages, CLI output, TUI labels.

Kept free of any UI library so the core, the CLI and the TUI share it.
"""

from __future__ import annotations

# ------------------------------------------------------------ figure grammar
FIGURE_ERROR_AT = "“{text}”第{pos}个字符“{char}”处无法识别：{expected}"
FIGURE_ERROR_AT_END = "“{text}”在结尾处不完整：{expected}"
EXPECT_FIGURE = "应为数值（如“21.2亿元”）或增速（如“增长8%左右”）"
EXPECT_NUMBER = "应为数字（如 8、21.2、８、五）"
EXPECT_UNIT = "应为单位（如 亿元、万元、万美元、%、个、家、亩）"
EXPECT_PERCENT = "增速后应为“%”或“个百分点”"
EXPECT_SEPARATOR = "两项之间应以“，”分隔"
EXPECT_GROWTH_WORD = "数值之后应为增速（如“增长8%”）"
EXPECT_ONE_GROWTH = "一个指标只能有一个增速"

# ------------------------------------------------------------ report document
DOC_BAD_FIELD = "报告文档字段“{path}”有误：应为{expected}，实为{got}"
DOC_MISSING_FIELD = "报告文档缺少字段“{path}”"
DOC_BAD_SCHEMA = "报告文档版本为 {got}，本程序只认版本 {expected}"
DOC_BAD_JSON = "{path} 第{line}行第{col}列不是有效的 JSON：{reason}"
TYPE_NAMES = {
    "str": "文字", "int": "整数", "float": "数字", "list": "列表", "dict": "对象",
    "NoneType": "空值", "bool": "是/否",
}

# ------------------------------------------------------------ store
STORE_LOCKED = "数据库 {path} 正被另一个程序使用（{holder}），请先关闭它再试；也可以只读方式打开"
STORE_HOLDER = "进程 {pid}，用户 {user}，主机 {host}，自 {since} 起"
STORE_HOLDER_UNKNOWN = "占用者不明"
STORE_CORRUPT = "数据库文件 {path} 已损坏（第{line}行第{col}列：{reason}），未作任何改动；上一版备份在 {bak}"
STORE_NOT_OBJECT = "数据库文件 {path} 的内容不是工作台的数据库"
STORE_READONLY = "数据库以只读方式打开，不能保存"
STORE_WRITE_FAILED = "保存到 {path} 失败：{reason}。原文件未被改动，请腾出磁盘空间或换一个位置后重试"
STORE_BAD_RECORD = "数据库 {path} 中 {place} {year} 年的报告有误：{reason}"

# ------------------------------------------------------------ CLI
CLI_DESCRIPTION = "报告工作台：政府工作报告的起草、核对、对比与导出"
CLI_USAGE_ERROR = "命令用法有误：{reason}（运行 workbench --help 查看用法）"
CLI_NO_REPORT = "数据库中没有 {place} {year} 年的报告（workbench list 可列出已有报告）"
CLI_EXISTS = "数据库中已有 {place} {year} 年的报告；如要覆盖请加 --replace"
CLI_FILE_MISSING = "找不到文件 {path}"
CLI_FILE_UNREADABLE = "无法读取文件 {path}：{reason}"
CLI_IMPORTED = "已导入 {place} {year} 年报告：{chapters}章 {sections}节 {targets}项目标 {commitments}项承诺"
CLI_DRY_RUN = "（试运行，未保存）"
CLI_NEW_DONE = "已从 {from_year} 年报告起草 {place} {year} 年报告：{chapters}章 {sections}节，待核对目标 {targets}项"
CLI_NEW_NO_SOURCE = "没有可作为起点的 {place} {year} 年报告"
CLI_LIST_EMPTY = "数据库中还没有报告。可用 workbench import 文件 导入，或 workbench demo 打开示例"
CLI_LIST_HEADER = ("地点", "年份", "状态", "章", "节", "目标", "标题")
CLI_BAD_YEAR = "年份“{value}”不对：应为四位数字，如 2024"
CLI_BAD_YEARS = "年份范围“{value}”不对：应写作 2021-2024"
CLI_DEMO_COPY = "示例数据库：{path}"
CLI_DEMO_NOT_EMPTY = "文件夹 {folder} 不是空的；示例需要一个新的或空的文件夹，以免覆盖已有数据"
CLI_EXPORTED = "已导出：{path}"
CLI_CHECK_SUMMARY = "{place} {year} 年报告核对结果：错误 {errors} 项，警告 {warnings} 项，提示 {infos} 项"
CLI_CHECK_PREVIOUS = "对照 {year} 年报告的目标"
CLI_CHECK_NO_PREVIOUS = "数据库中没有 {year} 年报告，只做本报告内部核对"
CLI_CHECK_CLEAN = "未发现问题"
CLI_INTERRUPTED = "已中断"
STATUS_NAMES = {"draft": "草稿", "final": "定稿"}
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}

# ------------------------------------------------------------ import
IMPORT_UNSUPPORTED = "不能导入 {path}：不支持 {suffix} 文件，请用 .json、.txt 或 .docx"
IMPORT_NOT_UTF8 = "{path} 不是 UTF-8 编码的文本"
IMPORT_NO_REPORT = "{path} 中没有找到报告"

# ------------------------------------------------------------ export
EXPORT_NO_TEMPLATE = "找不到模板文件 {path}"
EXPORT_BAD_TEMPLATE = "模板 {path} 不是可用的 Word 文档（{reason}），请换一个 .docx 模板"
EXPORT_TEMPLATE_STYLES = "模板 {path} 缺少导出所需的样式：{styles}。请在 Word 中补上这些样式，或用 templates/gbt9704.docx"
EXPORT_NOT_DOCX = "导出文件名应以 .docx 结尾：{path}"
EXPORT_IS_DIR = "{path} 是一个文件夹，请给出文件名，如 {path}/报告.docx"
EXPORT_NO_FOLDER = "导出位置的文件夹 {folder} 不存在"
EXPORT_NO_PREVIOUS = "附表需要 {place} {year} 年的报告，数据库中没有"
EXPORT_WRITE_FAILED = "无法写入 {path}：{reason}。原有文件未被改动；如果文件正在 Word 中打开，请先关闭它"
IMPORT_BAD_DOCX = "无法读取 Word 文件 {path}：{reason}"
IMPORT_ZIP_BOMB = "拒绝导入 {path}：其中的 {member} 解压后异常巨大（疑似压缩炸弹）"
IMPORT_DOCX_ENTITIES = "拒绝导入 {path}：{member} 含有 DOCTYPE/实体声明，可能不安全"
IMPORT_NO_PLACE_YEAR = "无法从 {path} 判断地点和年份，请用 --place 和 --year 指定"

# ------------------------------------------------------------ editing
EDIT_EMPTY_NAME = "指标名称不能为空"
EDIT_VALUE_NOT_GROWTH = "这一栏填数值（如“21.2亿元”），增速请填在“增速”栏"
EDIT_GROWTH_NOT_VALUE = "这一栏填增速（如“增长8%左右”），数值请填在“数值”栏"
EDIT_NOT_PARAGRAPH = "请先选中一个段落"
EDIT_HAS_LEAD = "这一段已有段首句"
EDIT_NO_SENTENCE = "这一段没有可作段首句的短句（以“。”结尾，不超过40字）"

# ------------------------------------------------------------ TUI
APP_TITLE = "报告工作台"
HOME_TITLE = "报告列表"
HOME_COLUMNS = ("地点", "年份", "状态", "错误", "警告", "目标", "标题")
HOME_EMPTY = "数据库中还没有报告。按 n 新建，按 i 导入文件；或退出后运行 workbench demo 打开示例。"
HOME_FILTER_PLACEHOLDER = "筛选：输入地名或年份"
HOME_COUNTING = "…"
CONFIRM_DELETE = "确定删除 {place} {year} 年的报告吗？此操作会保存到数据库（上一版保留在 .bak 中）。"
CONFIRM_DELETE_ITEM = "确定删除“{what}”吗？"
YES = "确定"
NO = "取消"
NEW_TITLE = "新建报告"
NEW_PLACE = "地点（如 狮岭镇）"
NEW_YEAR = "年份（如 2025）"
NEW_FROM = "以哪一年的报告为起点（留空则为空白报告）"
NEW_BAD = "请填写地点和四位年份"
IMPORT_TITLE = "导入文件"
IMPORT_PATH = "文件路径（.json / .docx / .txt）"
IMPORT_DONE = "已导入：{names}"
DELETED = "已删除 {place} {year} 年报告"
TAB_FIGURES = "指标"
TAB_SECTIONS = "章节"
TAB_CHECKS = "核对"
TAB_PREVIEW = "预览"
FIG_RESULTS_TITLE = "{year}年完成情况（对照上年目标）"
FIG_TARGETS_TITLE = "{year}年主要预期目标"
FIG_RESULT_COLUMNS = ("指标", "数值", "增速", "限定", "上年目标", "完成情况")
FIG_TARGET_COLUMNS = ("指标", "数值", "增速", "限定")
FIG_EDIT_TITLE = "{name}：{column}"
FIG_COLUMN_NAMES = {"name": "指标名称", "value": "数值（如 21.2亿元、3000万美元以上）",
                    "growth": "增速（如 增长8%左右、下降3%、5.0%—5.5%）"}
FIG_ADD_TITLE = "新增指标（可输入目录中的名称）"
FIG_SAVED_ROW = "已更新：{raw}"
SEC_LEAD = "段首句（加粗）"
SEC_TITLE = "标题"
SEC_BODY = "正文"
SEC_NOTHING = "在左侧选中一个段落或标题进行编辑"
SEC_NEW_SECTION = "新的一节"
SEC_NEW_CHAPTER = "新的一章"
SEC_LEAD_DONE = "已设为段首句：{lead}"
CHECKS_TITLE = "核对结果：错误 {errors}，警告 {warnings}，提示 {infos}"
CHECKS_CLEAN = "未发现问题"
CHECKS_HINT = "回车跳到问题所在处"
PREVIEW_STATS = "全文约 {chars} 字，按每分钟 220 字，宣读约 {minutes} 分钟"
SAVE_STATE_SAVED = "已保存 {time}"
SAVE_STATE_DIRTY = "有改动，稍后自动保存"
SAVE_STATE_SAVING = "正在保存…"
SAVE_STATE_FAILED = "保存失败：{reason}（改动仍在编辑器中，可按 Ctrl+S 重试）"
SAVE_STATE_READONLY = "只读：不保存"
EXPORTED = "已导出 Word 文稿：{path}"
EXPORT_FAILED = "导出失败：{reason}"
HELP_TITLE = "帮助"
HELP_GENERAL = ("报告工作台：Tab 在各区之间切换；Ctrl+P 打开命令面板，可搜索所有操作；"
                "F1 显示当前区域的说明；改动会在停止输入约 1 秒后自动保存。")
READONLY_NOTICE = "数据库被占用，已只读打开：{holder}"
BINDING = {
    "quit": "退出", "help": "帮助", "open": "打开", "new": "新建", "import": "导入",
    "delete": "删除", "filter": "筛选", "back": "返回列表", "save": "保存", "export": "导出",
    "figures": "指标", "sections": "章节", "checks": "核对", "preview": "预览",
    "edit": "编辑", "add": "新增", "remove": "删除", "move_up": "上移", "move_down": "下移",
    "lead": "设段首句", "add_section": "新增一节", "add_chapter": "新增一章",
    "jump": "跳转", "switch_table": "切换表格", "refresh": "刷新", "compare": "对比上年", "meta": "标题信息", "undo": "撤销", "redo": "重做",
}
IMPORT_EMPTY = "{path} 是空文件"
IMPORT_BINARY = "{path} 不是文本文件（像是二进制或其他格式），请导入 .txt、.docx 或 .json"
IMPORT_ENCODING = "{path} 的编码无法识别，请另存为 UTF-8 或 GB18030 文本"
IMPORT_TOO_BIG = "{path} 太大（超过 50 MB），不像是一份报告"
CLI_NO_REPORTS_SPAN = "数据库中没有 {place} {first}—{last} 年的报告"
CLI_COMPARE_NEEDS = "请给出两个年份，如 workbench compare 狮岭镇 2023 2024，或用 --years 2021-2024"
COMPARE_TITLE = "{place} {a}年与{b}年对比"
COMPARE_TAB_FIGURES = "指标对比"
COMPARE_TAB_TEXT = "文字对比"
COMPARE_TAB_TREND = "走势"
COMPARE_TREND = "看走势"
COMPARE_TREND_TITLE = "{name}：历年目标与完成（有增速时按增速，单位 %）"
COMPARE_TARGET = "目标"
COMPARE_RESULT = "完成"
COMPARE_SUMMARY = "左：{a}年　右：{b}年（红色为删去，绿色为新增；两栏同步滚动）"
COMPARE_NO_PREVIOUS = "数据库中没有上一年的报告，无法对比"

# ------------------------------------------------------------ TUI help and labels
HELP_FIGURES = ("指标表：方向键移动，回车编辑当前格（数值如“21.2亿元”，增速如“增长8%左右”）；"
                "a 新增指标，Delete 删除，Ctrl+↑/↓ 调整顺序，Tab 切换到另一张表。"
                "语法不认识的输入会留在输入框里并指出第几个字符有误，不会保存。")
HELP_OUTLINE = ("章节树：↑/↓ 选择，回车展开或收起；选中段落后在右侧编辑。"
                "Ctrl+N 在其后新增一段，Ctrl+T 新增一节，Delete 删除，Ctrl+↑/↓ 上移下移，"
                "Ctrl+L 把段落第一句设为段首句，Ctrl+G 把〔自动〕段改为自由文本（或改回自动）。")
HELP_LEAD = "段首句（加粗显示）或章节标题。段首句一般是一个短句，以“。”结尾。"
HELP_BODY = ("正文：直接输入，自动换行；Ctrl+Z 撤销，Ctrl+Y 重做。"
             "停止输入约 1 秒后自动保存，右侧核对结果随之更新。"
             "〔自动〕段由目标表生成，只读；按 Ctrl+G 改为自由文本后可以编辑。")
HELP_CHECKS = "核对结果：按严重程度分组；↑/↓ 选择，回车跳到对应的指标或段落。"
HELP_REPORTS = "报告列表：↑/↓ 选择，回车打开；n 新建（可从往年报告起草），i 导入文件，Delete 删除（移到回收站），b 回收站，/ 筛选。"
HELP_COMPARE = "指标对比：每行一个指标，按年份列出目标、完成数和完成情况；↑/↓ 选择后按 t 看该指标的历年走势。"
EMPTY_PARAGRAPH = "（空段）"
OPENING_CHAPTER = "（开头）"
EXPORTING = "正在导出…"
REPORT_SUBTITLE = "{place} {year}年 · {status}"
WINDOW_TITLE = "{place}{year}年政府工作报告 — {app}"
EXPORT_FILE_NAME = "{place}{year}年政府工作报告.docx"
COMMAND_TITLE = "{description}（{key}）"
GROUP_TITLE = "{severity}（{count}）"
COMPARE_COLUMNS = ("指标", "{year}年目标", "{year}年完成", "完成情况")
COMPARE_MOVED = "，移动"
COMPARE_COUNT = "{state}{count}节"
STRETCH_SUFFIX = "，力争{pct}%"
META_TITLE = "标题信息（回车保存，Esc 取消）"
META_LABELS = {"title": "标题", "meeting": "会议（副题行）", "date": "日期", "speaker": "报告人"}
META_FINAL = "定稿"
META_HINT = "副题行写作：——2024年1月12日在狮岭镇第十七届人民代表大会第四次会议上"
EXPORT_APPENDIX_TITLE = "附件：{year}年主要预期目标完成情况"
EXPORT_APPENDIX_COLUMNS = ("指标", "{year}年目标", "{year}年完成", "完成情况")

# ------------------------------------------------------------ comparisons (CLI, TUI, .docx)
DIFF_STATE_WORDS = {"same": "未变", "changed": "有改动", "renamed": "改名", "added": "新增",
                    "removed": "删除", "moved": "移动"}
FOLLOW_WORDS = {"with_number": "有下文（含数字）", "mentioned": "提到但无数字", "not_mentioned": "未见下文"}
CMP_HEADER = "{place} {a}年与{b}年报告对比"
CMP_FIGURES = "一、主要指标：目标、完成与完成情况"
CMP_TEXT = "二、文字改动"
CMP_COMMITMENTS = "三、{year}年承诺的下文"
CMP_OPENING = "（章首段落）"
CMP_FIGURE_CHANGED = "数字变化：{change}"
CMP_SPAN = "{place} {first}—{last}年主要指标"
SHOW_RESULTS = "【{year}年完成】"
SHOW_TARGETS = "【{year}年目标】"
SHOW_STATUS = "（{place} {year}年 · {status}）"
UNDONE = "已撤销上一步（指标或章节结构的改动）"
REDONE = "已重做"
UNDO_NOTHING = "没有可撤销的改动"
REDO_NOTHING = "没有可重做的改动"

# ------------------------------------------------------------ one truth, read-only, no silent loss
ROLL_NOTE_HEAD = "由上年报告起草，待核对："
ROLL_NOTE_SESSION = "会议次数已加一（如已换届，请改届次并把会议次数改为第一次）"
ROLL_NOTE_MEETING = "副题行中没有找到“第…次会议”，请手工改会议届次"
ROLL_NOTE_DATE = "会议日期沿用上年的月日，请改为今年的开会日期"
ROLL_NOTE_REVIEW = "工作回顾一章仍是{year}年的内容，请改写"
ROLL_NOTE_YEARS = "工作安排中有 {n} 处年份已顺延一年，请核对说法（如“关键一年”“收官之年”）"
CLI_NEW_REVIEW = "待核对：{note}"
GENERATED_MARK = "〔自动〕"
SEC_GENERATED = "本段由“本年目标”表自动生成（只读，随表更新）；按 Ctrl+G 改为自由文本，由您自己撰写"
SEC_GENERATED_EMPTY = "（目标表为空，本段暂无内容）"
SEC_TO_FREE = "本段已改为自由文本：此后按您写的内容打印，核对会对照目标表检查其中的数字"
SEC_TO_GENERATED = "本段已改为由目标表自动生成（原文可按 Ctrl+Z 恢复）"
SEC_NOT_TARGETS = "只有“主要预期目标”段可以由目标表自动生成"
SEC_GENERATED_READONLY = "本段由目标表自动生成，不能直接输入；请到指标页改目标，或按 Ctrl+G 改为自由文本"
BINDING_GENERATED = "自动/自由"
BINDING_RETRY_LOCK = "重试写权限"
READONLY_WHO = "只读：{holder}正在编辑"
READONLY_WHO_UNKNOWN = "只读：另一个程序正在编辑"
READONLY_HOLDER = "{user}（进程 {pid}）"
READONLY_REFUSED = "只读：{holder}正在编辑此数据库，不能修改。待对方关闭后按 Ctrl+R 重试获取写权限"
READONLY_STATE = "只读：{holder}正在编辑 · Ctrl+R 重试获取写权限"
LOCK_RETRY_OK = "已获得写权限，可以编辑了"
LOCK_RETRY_FAILED = "仍被占用：{holder}正在编辑"
QUIT_UNSAVED = "{what}还有未保存的改动{reason}。退出前要保存吗？"
QUIT_UNSAVED_REASON = "（上次保存失败：{reason}）"
QUIT_SAVE = "保存并退出"
QUIT_DISCARD = "不保存，退出"
QUIT_CANCEL = "取消"
BACK_UNSAVED = "{what}还有未保存的改动{reason}。返回列表前要保存吗？"
BACK_SAVE = "保存并返回"
BACK_DISCARD = "不保存，返回"
STORE_CONFLICT = "数据库中 {place} {year} 年的报告已被其他程序修改（{when}），未覆盖；请选择保留哪一份"
DISK_RELOADED = "数据库已被其他程序修改，已重新载入 {place} {year} 年报告"
DISK_CHANGED_ASK = "数据库中 {place} {year} 年的报告刚被其他程序修改，而您这里还有未保存的改动。保留哪一份？"
DISK_KEEP_MINE = "保留我的（覆盖数据库）"
DISK_TAKE_THEIRS = "载入数据库中的（放弃我的改动）"
DISK_REMOVED = "{place} {year} 年的报告已被其他程序从数据库中删除；您的改动仍在编辑器中，按 Ctrl+S 可重新保存"
CONFIRM_TRASH = "把 {place} {year} 年的报告（{title}，{chapters}章，{targets}项目标）移到回收站吗？可在回收站中恢复。"
CONFIRM_TRASH_YES = "移到回收站"
TRASHED = "已把 {place} {year} 年报告移到回收站（b 打开回收站可恢复）"
TRASH_TITLE = "回收站"
TRASH_EMPTY_LIST = "回收站是空的"
TRASH_COLUMNS = ("地点", "年份", "标题", "删除时间")
TRASH_HINT = "回车恢复所选报告，Delete 永久删除所选，Ctrl+D 清空回收站，Esc 返回"
TRASH_RESTORED = "已从回收站恢复 {place} {year} 年报告"
TRASH_RESTORE_EXISTS = "数据库中已有 {place} {year} 年的报告，不能恢复回收站中的同名报告；请先删除或改名现有报告"
TRASH_NOT_FOUND = "回收站中没有 {place} {year} 年的报告"
TRASH_PURGE_ONE = "永久删除回收站中 {place} {year} 年的报告吗？此后无法恢复。"
TRASH_PURGE_ALL = "清空回收站（{n} 份报告）吗？此后无法恢复。"
TRASH_PURGED = "已永久删除 {n} 份报告"
CLI_RESTORED = "已从回收站恢复 {place} {year} 年报告"
CLI_TRASH_HEADER = ("地点", "年份", "标题", "删除时间")
CLI_TRASH_EMPTY = "回收站是空的"
BINDING_TRASH = "回收站"
BINDING_PURGE_ALL = "清空回收站"
PREVIEW_APPENDIX = "〔自动〕{title}（导出时由指标表生成：上年目标、完成数与完成情况）"
META_WHERE = "标题信息·{field}"
