"""Every string the drafter reads, in one place: messages, CLI output, TUI labels.

Kept free of any UI library so the core, the CLI and the TUI share it.
"""

from __future__ import annotations

# ------------------------------------------------------------ figure grammar
FIGURE_ERROR_AT = "“{text}”第{pos}个字符“{char}”处无法识别：{expected}"
FIGURE_ERROR_AT_END = "“{text}”在结尾处不完整：{expected}"
EXPECT_FIGURE = "应为数值（如“21.2亿元”）或增速（如“增长8%左右”）"
EXPECT_NUMBER = "应为数字（如 8、21.2、８，或带单位的“五亿元”）"
EXPECT_UNIT = "应为单位（如 亿元、万元、万美元、%、个、家、亩）"
EXPECT_ARABIC_DECIMAL = "小数请用阿拉伯数字写（如 5.8、21.2）"
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
STORE_CORRUPT = "数据库文件 {path} 已损坏（第{line}行第{col}列：{reason}），未作任何改动"
STORE_NOT_OBJECT = "数据库文件 {path} 的内容不是工作台的数据库"
STORE_READONLY = "数据库以只读方式打开，不能保存"
STORE_WRITE_FAILED = "保存到 {path} 失败：{reason}。原文件未被改动，请腾出磁盘空间或换一个位置后重试"
STORE_BAD_RECORD = "数据库 {path} 中 {place} {year} 年的报告有误：{reason}"

# ------------------------------------------------------------ CLI
CLI_DESCRIPTION = "报告工作台：政府工作报告的起草、核对、对比与导出"
CLI_USAGE_ERROR = "命令用法有误：{reason}（运行 workbench --help 查看用法）"
CLI_NO_REPORT = "数据库中没有 {place} {year} 年的报告（workbench list 可列出已有报告）"
CLI_EXISTS = "数据库中已有 {place} {year} 年的报告；加 --replace 则用这份文件替换当前稿（当前稿先另存为版本，可用 version restore 找回）"
CLI_REPLACED_KEPT = "{place} {year} 年原来的当前稿已另存为版本“{kept}”；要找回：workbench version restore {place} {year} \"{kept}\""
CLI_REPLACED_COMMENTS = "这份文件的修订已按“全部接受”导入，批注{comments}条没有随 --replace 导入；不加 --replace 则作为审阅版本导入，批注保留"
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
FINAL_ASK = "{place}{year}年报告已标为定稿。要改回草稿再修改吗？（不改就什么也不动）"
FINAL_KEEP = "不改，保持定稿"
FINAL_EDIT = "改回草稿并修改"
FINAL_REOPENED = "已改回草稿，现在可以修改了（F7 可再标为定稿）"
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}

# ------------------------------------------------------------ import
IMPORT_UNSUPPORTED = "不能导入 {path}：不支持 {suffix} 文件，请用 .json、.txt 或 .docx"
IMPORT_OLD_DOC = "不能导入 {path}：这是旧的 Word 97-2003 文档（.doc），请在 Word 或 WPS 中“另存为” .docx 后再导入"
IMPORT_NOT_UTF8 = "{path} 不是 UTF-8 编码的文本"
IMPORT_NO_REPORT = "{path} 中没有找到报告（没有标题、会议行、章节、目标段或分节条目），请确认这是政府工作报告的文字"
IMPORT_NO_PLACE = "无法从 {path} 判断地点（文中没有写明是哪个地方），请用 --place 指定，如 --place 狮岭镇"
IMPORT_NO_YEAR = "无法从 {path} 判断年份（文中没有写明报告年份），请用 --year 指定，如 --year 2024"
IMPORT_WARN_ELIDED = "原文在“{before}”之后被网站省略了{count}（会员才能看全文），导入的报告在这里不完整；请找到全文补上"
IMPORT_ELIDED_SOME = "一段"
IMPORT_WARN_KIND = "第{n}章“{title}”无法判断是回顾还是安排，按安排处理"
IMPORT_UNTITLED = "（无标题）"
IMPORT_GENERATED_EDITED = ("{where}原为自动生成，文件中的文字已改动，现作为您自己的文字保留，不再自动更新"
                           "（要改回按目标表生成：在章节中选中该段按 Ctrl+G）")
IMPORT_WARN_NO_TARGETS = "没有找到主要预期目标段"
IMPORT_WARN_TRADITIONAL_PLACE = ("原文是繁体字：正文已转为简体，地名照原文写作“{place}”；"
                                 "写“{simplified}”也能找到它，导入“{simplified}”的同一年报告会替换这一份而不另建")
IMPORT_WARN_NEWS = "这是一篇报道，只引用了报告的部分原话：目标和完成数按报道所引导入，请对照报告全文核对"
IMPORT_WARN_UNREAD_TARGET = "目标段中“{clause}”写有数字，但没能读成一项指标，未导入，请核对后在指标表中补上"
IMPORT_WARN_UNREAD_RESULT = "回顾中“{clause}”写有数字，但没能读成一项完成数，未导入，请核对后补上"
# Where an imported report's place or year came from (import --dry-run, the TUI's dialog).
SOURCE_TITLE = "标题"
SOURCE_DOCUMENT = "文件中的报告数据"
SOURCE_MEETING = "会议行"
SOURCE_OPENING = "开场白"
SOURCE_SPEAKER = "署名"
SOURCE_HEADER = "页眉"
SOURCE_PLAN = "安排章标题"
SOURCE_REVIEW = "回顾章标题"
SOURCE_TARGETS = "目标段"
SOURCE_FILE = "文件名"
SOURCE_BODY = "正文中的地名"
SOURCE_FLAGS = "指定"
SOURCE_NONE = "未找到"
IMPORT_PLACE_FROM = "地点来自{source}"
IMPORT_YEAR_FROM = "年份来自{source}"
IMPORT_PLACE_NONE = "地点未找到"
IMPORT_YEAR_NONE = "年份未找到"
IMPORT_DRY_REPORT = "{place} {year}年：{place_from}，{year_from}；{chapters}章 {sections}节 {paragraphs}段，目标{targets}项，完成数{results}项，承诺{commitments}项"
IMPORT_DRY_WARNING = "  注意：{warning}"
IMPORT_REVISIONS_ACCEPTED = "此文件含有 {n} 处未处理的修订，已按“全部接受”后的文字导入"
IMPORT_ASK_TITLE = "导入：文中没写明地点或年份，请补上"
IMPORT_ASK_FOUND = "{name}\n已读到　地点：{place}　年份：{year}"
IMPORT_ASK_FROM = "（来自{source}）"
IMPORT_ASK_PLACE = "地点"
IMPORT_ASK_YEAR = "年份"
IMPORT_ASK_KEYS = "Enter 导入  Esc 取消"
IMPORT_WARNINGS = "导入时注意：{warnings}"

# ------------------------------------------------------------ export
EXPORT_NO_TEMPLATE = "找不到模板文件 {path}"
EXPORT_BAD_TEMPLATE = "模板 {path} 不是可用的 Word 文档（{reason}），请换一个 .docx 模板"
EXPORT_TEMPLATE_STYLES = "模板 {path} 缺少导出所需的样式：{styles}。请在 Word 中补上这些样式，或用 templates/gbt9704.docx"
EXPORT_NOT_DOCX = "导出文件名应以 .docx 结尾：{path}"
EXPORT_IS_DIR = "{path} 是一个文件夹，请给出文件名，如 {path}/报告.docx"
EXPORT_NO_FOLDER = "导出位置的文件夹 {folder} 不存在"
EXPORT_NO_PREVIOUS = "附表需要 {place} {year} 年的报告，数据库中没有，未导出；先导入该年的报告，或去掉 --appendix 导出不带附表的稿子"
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
EDIT_SPLIT_GENERATED = "这一段是自动生成的（〔自动〕），不能拆分；先按 Ctrl+G 改为自己撰写"
EDIT_HAS_LEAD = "这一段已有段首句"
EDIT_NO_SENTENCE = "这一段没有可作段首句的短句（以“。”结尾，不超过40字）"

# ------------------------------------------------------------ TUI
APP_TITLE = "报告工作台"
HOME_TITLE = "报告列表"
HOME_COLUMNS = ("地点", "年份", "状态", "错误", "警告", "目标", "标题")
HOME_EMPTY = "数据库中还没有报告。按 n 新建，按 i 导入文件；或退出后运行 workbench demo 打开示例。"
HOME_FILTER_PLACEHOLDER = "筛选：输入地名或年份（回车到列表第一份，Esc 清空）"
HOME_FILTER_HELP = "筛选框：输入地名或年份，列表随打随筛；回车转到第一份符合的报告，Esc 清空筛选并回到列表。"
HOME_FILTER_NONE = "没有符合“{needle}”的报告"
HOME_COUNTING = "…"
CONFIRM_DELETE = "确定删除 {place} {year} 年的报告吗？此操作会保存到数据库（上一版保留在 .bak 中）。"
CONFIRM_DELETE_ITEM = "确定删除“{what}”吗？"
CONFIRM_DELETE_FIGURE = "确定从“{year}年{table}”表中删除“{what}”这一行吗？（Ctrl+Z 可撤销）"
FIGURE_TABLE_NAMES = {"results": "完成数", "targets": "目标"}
YES = "确定"
NO = "取消"
NEW_TITLE = "新建报告"
NEW_PLACE = "地点（如 狮岭镇）"
NEW_YEAR = "年份（如 2025）"
NEW_FROM = "以哪一年的报告为起点（留空则为空白报告）"
NEW_FROM_FIELD = "起草所依的年份"
NEW_BAD_PLACE = "地点还没有填：请填写地名，如 狮岭镇"
NEW_BAD_YEAR = "{field}“{text}”不是四位的年份：请写成 2025 或 2025年"
PICKER_TITLE = "导入文件：在下面选文件，或在框里输入（粘贴）路径"
PICKER_PATH = "文件或文件夹的路径，如 /home/文件/某县报告.docx"
PICKER_UP = "↑ 上一级"
PICKER_HINT = ("框里：回车导入　Tab 补全路径　↓ 到文件列表\n"
               "列表：↑↓ 选择　回车 导入文件／打开文件夹　Backspace 上一级　Esc 取消　F1 帮助")
PICKER_HELP = ("导入文件：下面的列表只列出文件夹和能导入的文件（{suffixes}）。用 ↑↓ 选中文件后按回车（或用鼠标点）即导入；"
               "在文件夹上按回车展开，Backspace 或“上一级”回到上一层文件夹。"
               "也可以在上面的框里输入或粘贴完整路径后按回车；只输入开头几个字再按 Tab，会像命令行一样补全文件名。"
               "下次导入从这次用过的文件夹开始。Esc 取消，什么也不导入。")
PICKER_CANDIDATES = "可选：{names}"
PICKER_NO_MATCH = "{folder} 中没有以“{prefix}”开头的文件夹或可导入的文件"
PICKER_NOT_FOLDER = "找不到文件夹 {path}"
IMPORT_DONE = "已导入：{names}"
IMPORT_COMMENTS_NOT_TAKEN = "此文件有批注{n}条；一个文件含多篇报告时批注不随报告导入，请把要审阅的那篇单独存成 .docx 再导入"
IMPORT_COMMENTS_REPLACED = "这份文件的批注{n}条没有随替换导入；不替换而作为审阅版本导入，批注会保留"
IMPORT_DONE_TRASHED = "；被替换的原报告在回收站里（按 b 可找回）"
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
META_MEETING_FOLLOWS = "副题行已随之改为：{meeting}"
PASTE_PARAGRAPHS_ASK = "粘贴的文字有 {n} 段（从“{first}…”起）。要分成 {n} 个段落，还是合成这一段？"
PASTE_SPLIT = "分成 {n} 段"
PASTE_JOIN = "合成这一段（去掉换行）"
PASTE_SPLIT_DONE = "已分成 {n} 段（Ctrl+Z 可撤销）"
FIG_ADDED_ROW = "已新增：{raw}"
FIG_MERGED_ROW = "表中已有“{name}”（第{row}行），没有再加一行：“{old}”已改为“{raw}”（Ctrl+Z 可撤销）"
FIG_NAME_TAKEN = "表中已有“{name}”（第{row}行），同一指标不能占两行：这一行没有改动，请到第{row}行修改"
FIG_OTHER_ASK = "“{text}”说的是“{other}”，不是这一行的“{name}”。要怎么放？"
FIG_OTHER_ADD = "新增一行"
FIG_OTHER_REPLACE = "替换这一行"
FIG_OTHER_UPDATE = "更新第{row}行的“{name}”"
SEC_LEAD = "段首句（加粗）"
SEC_TITLE = "标题"
SEC_BODY = "正文"
SEC_NOTHING = "在左侧选中一个段落或标题进行编辑"
SEC_NEW_SECTION = "新的一节"
SEC_NEW_CHAPTER = "新的一章"
SEC_LEAD_DONE = "已设为段首句：{lead}"
SEC_TOO_LONG = "此段长 {chars} 字，编辑框只显示开头（只读）：多半是导入时没有分段；按 F12 按句号拆成约 {target} 字一段"
SEC_TOO_LONG_TAIL = "\n……（以下还有 {rest} 字未显示）"
SPLIT_DONE = "已按句号把这一段拆成 {n} 段（Ctrl+Z 撤销）"
SPLIT_NOTHING = "这一段只有一两句，不用拆分（F12 按句号拆分过长的段落）"
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
                "F1 显示当前区域的说明；改动会在停止输入后不到 1 秒自动保存。"
                "在报告中：F8 导出 PDF，F10 版本（征求意见稿等各轮命名稿、审阅稿的修订），Ctrl+G 把自动生成的目标段转为自己的文字。")
READONLY_NOTICE = "数据库被占用，已只读打开：{holder}"
BINDING = {
    "quit": "退出", "help": "帮助", "open": "打开", "new": "新建", "import": "导入",
    "delete": "删除", "filter": "筛选", "back": "返回列表", "save": "保存", "export": "导出",
    "figures": "指标", "sections": "章节", "checks": "核对", "preview": "预览",
    "edit": "编辑", "add": "新增", "remove": "删除", "move_up": "上移", "move_down": "下移",
    "lead": "设段首句", "add_section": "新增一节", "add_chapter": "新增一章",
    "split_sentences": "按句拆段",
    "jump": "跳转", "switch_table": "切换表格", "refresh": "刷新", "compare": "对比上年", "meta": "标题信息", "undo": "撤销", "redo": "重做",
    "split": "在光标处拆段", "merge": "并入上一段", "select_paragraph": "选中整段",
}
IMPORT_EMPTY = "{path} 是空文件"
IMPORT_BINARY = "{path} 不是文本文件（像是二进制或其他格式），请导入 .txt、.docx 或 .json"
IMPORT_ENCODING = "{path} 的编码无法识别，请另存为 UTF-8 或 GB18030 文本"
IMPORT_TOO_BIG = "{path} 太大（超过 50 MB），不像是一份报告"
CLI_NO_REPORTS_SPAN = "数据库中没有 {place} {first}—{last} 年的报告"
CLI_COMPARE_NEEDS = "请给出两个年份，如 workbench compare 狮岭镇 2023 2024，或用 --years 2021-2024"
COMPARE_TITLE = "{place} {a}与{b}对比"
COMPARE_TAB_FIGURES = "指标对比"
COMPARE_TAB_TEXT = "文字对比"
COMPARE_TAB_TREND = "走势"
COMPARE_TREND = "看走势"
COMPARE_TREND_TITLE = "{name}：历年目标与完成"
COMPARE_TARGET = "目标"
COMPARE_RESULT = "完成"
COMPARE_SUMMARY = "左：{a}　右：{b}（红色为删去，绿色为新增；两栏同步滚动）"
COMPARE_NO_PREVIOUS = "数据库中没有上一年的报告，无法对比"

# ------------------------------------------------------------ TUI help and labels
HELP_FIGURES = ("指标表：方向键移动，回车编辑当前格（数值如“21.2亿元”，增速如“增长8%左右”）；"
                "a 新增指标，Delete 删除，Ctrl+↑/↓ 调整顺序，Tab 切换到另一张表。"
                "语法不认识的输入会留在输入框里并指出第几个字符有误，不会保存。")
OUTLINE_TYPING_HINT = "这里是章节目录，打字不会进入正文：按 Tab 到右边的编辑框再输入"
HELP_OUTLINE = ("章节树：↑/↓ 选择，回车展开或收起；选中段落后在右侧编辑。"
                "Ctrl+N 在其后新增一段，Ctrl+T 新增一节，Delete 删除，Ctrl+↑/↓ 上移下移，"
                "Ctrl+L 把段落第一句设为段首句，Ctrl+G 把〔自动〕段改为自由文本（或改回自动），"
                "F12 把过长的段落按句号拆成几段；/ 在章节中查找，Ctrl+H（或 Ctrl+F）在整份报告中查找替换。")
HELP_LEAD = "段首句（加粗显示）或章节标题。段首句一般是一个短句，以“。”结尾。"
HELP_BODY = ("正文：直接输入，自动换行；Ctrl+Z 撤销，Ctrl+Y 重做。"
             "Ctrl+Enter（或 Ctrl+J）在光标处拆成两段，段首按退格并入上一段，Ctrl+A 选中整段，Ctrl+B 起草助手。"
             "停止输入后不到 1 秒自动保存，右侧核对结果随之更新。"
             "〔自动〕段由目标表生成，只读；按 Ctrl+G 改为自由文本后可以编辑。")
HELP_CHECKS = "核对结果：按严重程度分组；↑/↓ 选择，回车跳到对应的指标或段落；审阅稿的批注（R601）选中后按 d 标为已处理，模型写的待核实数字（W701、W702）核实后按 d 标为已核实。"
HELP_REPORTS = "报告列表：↑/↓ 选择（Home/End 到首尾），回车打开；n 新建（可从往年报告起草），i 导入文件，Delete 删除（移到回收站），b 回收站，/ 筛选（中文输入法下按“、”也可以）。"
HELP_COMPARE = "指标对比：每行一个指标，按年份列出目标、完成数和完成情况；↑/↓ 选择后按 t 看该指标的历年走势。"
EMPTY_PARAGRAPH = "（空段）"
OPENING_CHAPTER = "（开头）"
WHERE_CHAPTER = "第{n}章"   # a finding's place: 第二章（三）第2段
WHERE_OPENING = "开头"
WHERE_PARAGRAPH = "第{n}段"
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
CMP_HEADER = "{place} {a}与{b}报告对比"
CMP_LABEL_YEAR = "{year}年"
CMP_LABEL_VERSION = "{year}年（{name}）"
CMP_VERSIONS_FIGURES = "一、主要指标：两稿的数字"
CMP_VERSIONS_COUNT = "（{total} 项中 {n} 项有改动）"
CMP_VERSIONS_TABLES = {"targets": "目标", "results": "完成"}
CMP_VERSIONS_STATE = "改动"
CMP_VERSIONS_STATES = {"same": "相同", "changed": "改了", "added": "新增", "removed": "删去"}
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

# ------------------------------------------------------------ export: package, attachments, PDF
EXPORT_APPLICATION = "报告工作台"
EXPORT_ATTACHMENT_TARGETS = "{year}年主要预期目标完成情况"
EXPORT_ATTACHMENT_NOTE = "附件："
EXPORT_ATTACHMENT_LABEL = "附件"
EXPORT_ATTACHMENT_NUMBERED = "附件{n}"
EXPORT_ATTACHMENT_ITEM = "{n}．{title}"
EXPORT_NO_RESULT_MARK = "—"
EXPORT_NO_RESULT_NOTE = "注：“—”表示{year}年报告未写明该项完成情况。"
EXPORT_NOT_PDF = "PDF 文件名应以 .pdf 结尾：{path}"
EXPORT_NO_LIBREOFFICE = ("转换 PDF 需要 LibreOffice，本机没有找到 soffice 命令。"
                         "Word 文稿已导出；请安装 LibreOffice（Debian/Ubuntu：apt-get install "
                         "libreoffice-writer-nogui），或在 Word 中“另存为 PDF”")
EXPORT_PDF_FAILED = "LibreOffice 未能把 {path} 转换为 PDF（{reason}）。Word 文稿已导出，未受影响"
EXPORT_PDF_TIMEOUT = "LibreOffice 转换 {path} 超过 {seconds} 秒仍未完成，已停止。Word 文稿已导出"
CLI_EXPORTED_PDF = "已导出 PDF：{path}"
CLI_EXPORT_SUMMARY = "核对：错误 {error} 项，警告 {warning} 项，提示 {info} 项"
# The PDF's layout pass: what it changed in the .docx (writing/layoutpass.py)
LAYOUT_NONE = "排版检查：没有需要调整的段落（无末行只剩一字的段落，无折出一字的标题，无字距撑开的行）"
LAYOUT_ADJUSTED = "排版调整：{count} 段改了字符间距（已写入 Word 文稿，PDF 按调整后排出）："
LAYOUT_ADJUSTED_ITEM = "“{start}…”{why}，字符间距{spacing}"
LAYOUT_ADJUSTED_MORE = "  ……另有 {count} 段"
LAYOUT_WHY_LONE = "末行只剩一字"
LAYOUT_WHY_HEADING = "标题折出一字"
LAYOUT_WHY_STRETCH = "有一行字距撑开"
LAYOUT_CONDENSED = "紧缩 {points:.2f} 磅"
LAYOUT_EXPANDED = "加宽 {points:.2f} 磅"
LAYOUT_STANDARD = "标准"
CLI_EXPORT_FINDING = "  {code} {message}"
CLI_EXPORT_MORE = "  ……另有 {count} 项，用 workbench check {place} {year} 查看全部"
TUI_EXPORT_MORE = "  ……另有 {count} 项，按 F4 查看全部"
CLI_EXPORT_STRICT = "有 {count} 项错误未解决，按 --strict 未导出。请先修正（workbench check {place} {year}），或去掉 --strict"
EXPORT_CONFIRM_TITLE = "导出前核对"
EXPORT_CONFIRM_ERRORS = "还有 {error} 项错误、{warning} 项警告未解决："
EXPORT_CONFIRM_WARNINGS = "核对结果：{warning} 项警告、{info} 项提示（没有错误）。"
EXPORT_CONFIRM_GO = "仍然导出"
EXPORT_CONFIRM_CANCEL = "取消"
EXPORT_BASE_LABEL = "标出修订（Word 修订痕迹）对照："
EXPORT_BASE_NONE = "不标修订"
EXPORT_BASE_VERSION = "版本“{name}”"
EXPORT_BASE_YEAR = "{year}年报告"
EXPORT_APPENDIX_LABEL = "附上附件（上年目标、完成与完成情况表）"
EXPORT_JOINERS_LABEL = "行末的人名、数字加防断行字符（Word 不在其中换行；查找这几处会受影响）"
EXPORT_OPTIONS_HINT = "Tab 到下面的选项，空格勾选；在路径框按回车导出"
EXPORTED_REDLINE = "已导出修订稿（对照{base}）：{path}"
# The targets paragraph is the drafter's own and says other than the targets table.
TARGETS_TEXT_ASK = "正文的主要预期目标与目标表不一致（{n} 处）：\n{lines}\n导出哪一个？"
TARGETS_TEXT_MORE = "……另有 {n} 处"
TARGETS_TEXT_SAYS = "正文“{text}”，表中“{table}”"
TARGETS_TEXT_LACKS = "表中有、正文没有：{clause}"
TARGETS_TABLE_LACKS = "正文有、表中没有：{clause}"
TARGETS_TEXT_REGENERATE = "按目标表重写后导出"
TARGETS_TEXT_KEEP = "保留正文，导出"
TARGETS_TEXT_REWRITTEN = "已按目标表重写正文的主要预期目标（Ctrl+Z 撤销）"
EXPORTED_PDF = "已导出 PDF：{path}"
EXPORTING_PDF = "正在导出并转换 PDF…"
BINDING_EXPORT_PDF = "导出 PDF"
# ------------------------------------------------------------ named versions (drafting rounds)
VERSION_EMPTY_NAME = "版本名称不能为空，如：征求意见稿"
VERSION_EXISTS = "{place} {year} 年报告已有名为“{name}”的版本，请换一个名称"
VERSION_MISSING = "{place} {year} 年报告没有名为“{name}”的版本（用 workbench version list {place} {year} 查看）"
VERSION_BEFORE_RESTORE = "恢复前自动保存 {when}"
VERSION_SAVED = "已保存版本：{place} {year} 年“{name}”"
VERSION_RESTORED = "已恢复到版本“{name}”；恢复前的内容已另存为版本“{kept}”"
VERSION_DELETED = "已删除版本“{name}”"
VERSION_NONE = "{place} {year} 年报告还没有保存过版本"
VERSION_ROW = "{saved_at}  {name}{kind}{counts}"
VERSION_KIND_NAMES = {"manual": "", "review": "（审阅稿）", "before-restore": "（自动）", "before-replace": "（自动）"}
VERSION_COUNTS = "  修订{changes}处  批注{comments}条（未处理{open}条）"
VERSION_REVIEW_IMPORTED = "已把 {path} 作为 {place} {year} 年报告的新版本“{name}”导入：修订{changes}，批注{comments}条。当前稿未改动；逐条处理修订：workbench round list {place} {year}；要采用它：workbench version restore {place} {year} \"{name}\""
VERSION_REVIEW_CREATED = "数据库中还没有 {place} {year} 年的报告：已把 {path} 导入为当前稿，并另存为版本“{name}”（修订{changes}，批注{comments}条）"
VERSION_REVIEW_DATA_LOST = "这份文件另存时丢了工作台附带的数字（如经 LibreOffice 或 WPS 保存）；已认出它是这份报告，数字取自它导出时的稿子，表格里改动的数字照改"
ROUND_DEFAULT_NAME = "审阅稿"
VERSION_BEFORE_REPLACE = "替换前自动保存 {when}"
ROUND_COUNTS = "插入{ins}处，删除{dels}处"
ROUND_CELL_SET = "表格“{header}”栏“{row}”已按修订改为 {figure}"
ROUND_CELL_CLEARED = "表格“{header}”栏“{row}”已被清空，这项数字已去掉"
ROUND_CELL_OTHER_YEAR = "表格“{header}”栏“{row}”的修订改的是{year}年报告的目标，这份报告的数字未改；如属实，请在{year}年报告里改"
ROUND_CELL_DERIVED = "表格“{header}”栏“{row}”是由数字算出的，这里的修订不改数字；导出时会按数字重新算出"
ROUND_CELL_UNREAD = "表格“{header}”栏“{row}”改成的“{text}”读不出数字，这项数字未改；请在数字表里核对"
COMMENT_FINDING = "批注（{author}，{version}）：{text}　——批在“{anchor}”"
COMMENT_NO_AUTHOR = "未署名"
VERSION_HELP = "命名版本：保存、列出、恢复、删除（起草各轮：征求意见稿、送审稿……）"
VERSION_SAVE_HELP = "把当前稿保存为命名版本"
VERSION_LIST_HELP = "列出一份报告的版本"
VERSION_RESTORE_HELP = "恢复到某个版本（当前稿先自动另存为版本）"
VERSION_DELETE_HELP = "删除一个版本"
VERSION_SHOW_HELP = "显示某个版本（只读）"
VERSION_DONE_HELP = "把某个版本的批注标为已处理"
VERSION_COMMENT_DONE = "已把批注 {ids} 标为已处理"
VERSION_NO_COMMENT = "版本“{name}”中没有编号为 {id} 的批注"
# ------------------------------------------------------------ paths and OS errors
OS_ERRORS = {
    "nul": "路径中含有空字符（NUL）", "ENOENT": "不存在", "EACCES": "没有权限", "EPERM": "不允许此操作",
    "EISDIR": "这是一个文件夹", "ENOTDIR": "路径中有一段不是文件夹", "ELOOP": "符号链接形成了循环",
    "ENAMETOOLONG": "路径或文件名太长", "ENOSPC": "磁盘空间已满", "EDQUOT": "超出了磁盘配额",
    "EROFS": "所在的文件系统是只读的", "EIO": "读写出错（磁盘或网络故障）", "EBUSY": "文件正被占用",
    "ETXTBSY": "文件正被占用", "EEXIST": "已经存在", "EMFILE": "打开的文件太多",
    "ENFILE": "打开的文件太多", "EFBIG": "文件太大", "ENXIO": "设备不存在或未就绪",
    "ENODEV": "设备不存在", "EINVAL": "路径无效", "EXDEV": "不能跨文件系统移动",
    "ESTALE": "网络文件句柄已失效", "EAGAIN": "资源暂时不可用，请稍后再试",
}
OS_ERROR_OTHER = "系统错误 {code}（{text}）"
FILE_KINDS = {"fifo": "命名管道", "device": "设备文件", "socket": "套接字"}
PATH_NUL = "路径“{path}”中含有空字符（NUL），不是有效的文件名"
PATH_UNUSABLE = "无法使用 {path}：{reason}"
PATH_IS_FOLDER = "{path} 是一个文件夹，不是文件；请给出文件名，如 {path}/reports.json"
PATH_NOT_FILE = "{path} 是{kind}，不是普通文件"
PATH_NO_READ = "没有权限读取 {path}"
PATH_NO_WRITE = "没有权限写入 {path}"
PATH_NO_CREATE = "没有权限在文件夹 {folder} 中创建 {path}"
PATH_NO_FOLDER = "文件夹 {folder} 不存在，无法使用 {path}；请先建好这个文件夹（工作台不会自动创建它）"
PATH_DANGLING_LINK = "{path} 是一个指向不存在位置的符号链接"
STORE_CORRUPT_BAK = "；上一版备份在 {bak}"
STORE_CORRUPT_NO_BAK = "；没有上一版备份（{bak} 不存在）"
STORE_NOT_STORE = "{path} 不是工作台的数据库：{why}。{hint}"
STORE_WHY = {
    "empty": "这是一个空文件",
    "not_json": "这不是 JSON 文件",
    "not_utf8": "这不是 UTF-8 文本",
    "docx": "这是一份 Word 文档",
    "zip": "这是一个压缩包",
    "report": "这是一份报告文档（JSON），不是数据库",
    "reports": "这是一组报告文档（JSON），不是数据库",
    "other_json": "JSON 的内容不是数据库的格式",
}
STORE_HINT_IMPORT = "要把它存入数据库，请运行 workbench --db 数据库文件 import {path}"
STORE_HINT_OTHER = "请用 --db 指向 .json 数据库文件，或指向一个尚不存在的文件以新建数据库"
JSON_ERRORS = {
    "Expecting value": "此处应有一个值",
    "Expecting property name enclosed in double quotes": "此处应有带双引号的字段名",
    "Expecting ':' delimiter": "此处应有冒号",
    "Expecting ',' delimiter": "此处应有逗号",
    "Unterminated string starting at": "字符串没有结束",
    "Invalid control character at": "字符串中有控制字符",
    "Invalid \\escape": "无效的转义符",
    "Extra data": "结尾后还有多余内容",
}
JSON_ERROR_OTHER = "JSON 格式有误"

# ------------------------------------------------------------ CLI help (every word of `--help`)
CLI_USAGE_PREFIX = "用法："
CLI_SECTION_POSITIONALS = "参数"
CLI_SECTION_OPTIONS = "选项"
CLI_SECTION_COMMANDS = "命令"
CLI_COMMAND_METAVAR = "命令"
CLI_HELP_HELP = "显示这段帮助后退出"
CLI_VERSION_HELP = "显示版本号后退出"
CLI_VERSION = "报告工作台 workbench {version}"
CLI_EPILOG_MAIN = ("不带命令时打开工作台界面（TUI）。每个命令的用法：workbench 命令 --help（或 workbench help 命令）。\n"
                   "退出码：0 完成；1 check 发现错误；2 用法或输入有误。")
# Each subcommand: (one line for the command list, the description atop its own help).
CLI_COMMANDS = {
    "demo": ("在示例数据的新副本上打开工作台",
             "把自带的示例（狮岭镇 2023 年报告和 2024 年草稿）复制到一个新数据库，在上面打开工作台；"
             "不给 --folder 时用临时文件夹，退出后删除。"),
    "list": ("列出数据库中的报告", "列出数据库中的每一份报告：地点、年份、状态、章节数、目标数和标题。"),
    "import": ("导入报告文件（.json / .txt / .docx）",
               "读入报告文件存入数据库：本程序的 JSON 文档、网页复制的文本（UTF-8 或 GB18030）、"
               "任何 .docx、多份报告的汇编。地点和年份取自标题，也可用 --place / --year 指定。"),
    "new": ("以往年报告为起点起草新一年报告",
            "从较早一年的报告起草新一年的报告：章节照搬，上年目标变为待填的完成情况。"),
    "show": ("显示一份报告", "按印刷顺序显示一份报告的全文，或用 --json 输出报告文档。"),
    "check": ("核对报告（对照上年目标）",
              "核对一份报告：完成数对照上年目标，文字与表格中的数字是否一致，增速与数值是否相符。"),
    "compare": ("对比两年的报告：指标、文字、承诺",
                "对比同一地方两年的报告：主要指标的目标与完成、文字改动、上年承诺的下文；"
                "或用 --years 看多年的指标。"),
    "export": ("导出 Word 文稿", "把报告导出为按 GB/T 9704-2012 排版的 Word 文稿；--changes-from 导出与某个版本或某一年相比的修订稿。"),
    "figures": ("从统计局的表格填指标（完成数或预期目标）",
                "figures import：读统计局发来的表格（统计快报 .xlsx/.xls/.ods/.csv，WPS .et 尽量读），"
                "把上年完成数（或计划表中今年的预期目标）填入报告的指标表；先列出预览，单位自动换算。"),
    "round": ("审阅稿的修订：列出、逐条或全部接受、拒绝",
              "列出最新一份审阅稿（或 --version 指定的版本）里的修订，按编号或 --all 接受或拒绝；"
              "规则与工作台“修订”屏相同。处理完后加 --adopt（或用 version restore）把它变成当前稿。"),
    "version": ("命名版本：保存、列出、查看、恢复、删除",
                "起草各轮（征求意见稿、送审稿……）的命名版本：save 保存当前稿，list 列出，show 只读查看，"
                "restore 恢复（当前稿先自动另存为版本），delete 删除，done 把审阅稿的批注标为已处理。"),
    "assist": ("请本单位的语言模型帮写一段（写回顾、润色、归纳材料、拟目标句）",
               "把本报告的指标、上年报告的相应文字和行文规矩发给配置好的模型（本单位的 OpenAI 兼容服务），"
               "边收边显示答案，再把答案中的每个数字与本报告、上年报告和材料中的数字核对，列出对不上的。"
               "只显示，不写入报告。未配置模型服务时不发送任何内容。"),
}
CLI_EPILOGS = {
    "check": "退出码：0 未发现错误（可能有警告和提示）；1 发现错误；2 用法有误、找不到报告或数据库不可用。",
    "export": "退出码：0 已导出；1 加了 --strict 且核对发现错误，未导出；2 用法有误、找不到报告、文件已存在（未加 --force）或无法写入。",
    "assist": ("配置：环境变量 WORKBENCH_AI_BASE_URL、WORKBENCH_AI_MODEL、WORKBENCH_AI_API_KEY"
               "（或设置文件中的 \"ai\" 一项）。退出码：0 答案中的数字都已核实；1 有需核实的数字；"
               "2 用法有误、未配置或请求失败（未写入任何内容）。"),
    "compare": ("文字改动的标记：终端中删去的文字为红色删除线，新增的为绿色；输出到文件或管道、"
                "或加 --no-color 时写作〔删：……〕〔增：……〕。"),
}
CLI_METAVARS = {"place": "地点", "year": "年份", "file": "文件", "path": "路径", "folder": "文件夹",
                "docx": "文件.docx", "span": "起-止",
                "year_a": "年份甲", "year_b": "年份乙", "task": "任务", "at": "位置"}
# Argument help by name; "command name" keys override the plain name for one command.
CLI_ARGS = {
    "--db": "数据库文件（默认：{default}；也可用环境变量 WORKBENCH_DB 指定）",
    "--readonly": "只读：只查看、导出，决不修改数据库，也不等待正在编辑它的程序（要修改的命令会直接拒绝）",
    "--json": "以 JSON 输出，供其他程序读取",
    "place": "地点，如 狮岭镇",
    "year": "年份，四位数字，如 2024",
    "demo --folder": "把示例数据库放在这个（新的或空的）文件夹里并保留，而不是用临时文件夹",
    "import file": "要导入的文件：.json、.txt 或 .docx",
    "import --place": "报告的地点（文件中看不出或看错时指定）",
    "import --year": "报告的年份（文件中看不出或看错时指定）",
    "import --dry-run": "试运行：只显示读到的内容，不存入数据库",
    "import --json": "以 JSON 输出读到的报告文档",
    "import --replace": "覆盖数据库中已有的同地同年报告",
    "new year": "要起草的年份",
    "new --from": "以哪一年的报告为起点（默认：最近的较早一年）",
    "new --replace": "覆盖数据库中已有的同地同年报告",
    "show --json": "输出报告文档（JSON）",
    "check --json": "以 JSON 输出核对结果",
    "compare year_a": "较早的年份",
    "compare year_b": "较晚的年份",
    "compare --years": "只看指标，跨多年，如 2021-2024",
    "compare --json": "以 JSON 输出对比结果",
    "compare -o": "把对比导出为 Word 表格",
    "compare --no-color": "不用颜色，改用〔删：…〕〔增：…〕标记（输出到文件或管道时自动如此）",
    "compare --force": "-o 的文件已存在时覆盖它",
    "export -o": "导出的文件（默认：当前文件夹中的“地点年份年政府工作报告.docx”）",
    "export --template": "用这个 Word 模板代替自带的 GB/T 9704 模板",
    "export --appendix": "附上年目标完成情况表",
    "export --force": "文件已存在时覆盖它",
    "assist task": "任务：写回顾、润色、归纳材料、拟目标句",
    "assist --at": "位置，如 第2章第3段、第2章第1节第3段、第2章第1节（润色要一段，写回顾和归纳材料要一节）",
    "assist --from": "材料文件（.txt 或 .docx），归纳材料时用",
    "assist --json": "以 JSON 输出答案和每个数字的核对结果",
}

# ------------------------------------------------------------ CLI messages (added for issue 16)
CLI_SUGGEST = "；是否要找 {what}？"
CLI_SUGGEST_YEARS = "；数据库中 {place} 有这些年份的报告：{years}"
CLI_FILE_EXISTS = "{path} 已存在，未覆盖；如要覆盖请加 --force"
CLI_DRY_RUN_REFUSED = "（试运行，未保存；数据库中已有 {place} {year} 年的报告，正式导入会被拒绝，除非加 --replace）"
CLI_DRY_RUN_ROUND = "（试运行，未保存；正式导入会把它作为 {place} {year} 年报告的新版本（审阅稿）导入，当前稿不变）"
CLI_DRY_RUN_REPLACES = "（试运行，未保存；正式导入会覆盖数据库中已有的 {place} {year} 年报告，原稿先另存为版本）"
CLI_OS_ERROR = "操作失败：{reason}"
CLI_OS_ERROR_AT = "无法使用 {path}：{reason}"
CLI_DEMO_REMOVED = "示例数据库已删除（临时文件夹 {folder}）"
CMP_CHANGE_POINTS = "增速{sign}{value}个百分点"
CMP_CHANGE_PERCENT = "总量{sign}{value}%"
CMP_MARK_DELETED = "删："
CMP_MARK_ADDED = "增："
CMP_ELLIPSIS = "……"
CMP_COL_NAME = "指标"
CMP_COL_VALUE = "数值"
CMP_COL_GROWTH = "增速%"
CMP_COL_TARGET = "{year}年目标"
CMP_COL_RESULT = "{year}年完成"
CMP_COL_ATTAINMENT = "完成情况"
CMP_COL_CHANGE = "较上年"
CMP_DASH = "—"
CMP_BLOCK_TARGET = "目标 "
CMP_BLOCK_RESULT = "完成 "
CMP_BLOCK_CHANGE = "较上年 "
CMP_NOT_STATED = "（报告未列）"
CMP_NO_DATA = "无数据"
CMP_LEGEND_CHANGE = "较上年：与上一年的完成数相比；有增速的指标比增速（个百分点），只有数值的比总量（%）。"
CMP_LEGEND_DASH = "—：该年报告未列此项，或无从计算。"
CMP_NOTE_NO_TARGETS = "{year}年目标：无数据（数据库中没有 {year} 年报告）。"
CMP_NOTE_NO_RESULTS = "{year}年完成：无数据（完成数见 {next} 年报告，数据库中没有）。"
CMP_NO_TEXT_CHANGES = "没有改动"
CMP_PARAGRAPHS = "（{count}段）"
CMP_PARA_LABEL = {"added": "新增段落", "removed": "删除段落", "changed": "改动", "moved": "移动"}
CMP_FOLLOW_EXCERPT = "　← {excerpt}"
CMP_LEGEND_UNIT = "数值单位：{unit}；增速单位：%。"
CMP_DOCX_TITLE = "{place}{a}年与{b}年政府工作报告对照"
CMP_DOCX_SOURCE = "资料来源：{place}{a}年、{b}年政府工作报告；{date}整理"
CMP_DOCX_FIGURES = "一、主要指标目标与完成情况"
CMP_DOCX_TEXT = "二、文字改动"
CMP_DOCX_NOTE = "注："
CMP_NOTE_RESULTS_EMPTY = "{year}年完成：{next} 年报告中还没有填写完成数。"
PATH_IS_FOLDER_INPUT = "{path} 是一个文件夹，不是文件；请给出要导入的文件，如 {path}/报告.docx"
CLI_NOT_A_FOLDER = "{path} 不是文件夹"
CLI_NOT_DOCX = "不是 .docx（zip）文件"
CLI_TEMPLATE_IS_FOLDER = "{path} 是一个文件夹；--template 要的是一个 .docx 模板文件"
CMP_REWRITE_BEFORE = "改写前："
CMP_REWRITE_AFTER = "改写后："
# argparse's messages (English) as patterns, and what the drafter reads instead.
CLI_ARGPARSE_ERRORS = [
    (r"the following arguments are required: (.*)", "缺少参数 {0}"),
    (r"unrecognized arguments: (.*)", "不认识的参数 {0}"),
    (r"argument (.+?): invalid choice: '?([^']*?)'? \(choose from .*\)", "“{1}”不是可用的命令"),
    (r"argument (.+?): invalid choice: '?([^']*?)'?(?:[,;].*)?", "“{1}”不是可用的命令"),
    (r"argument (.+?): expected one argument", "参数 {0} 后面缺少值"),
    (r"argument (.+?): expected at most one argument", "参数 {0} 后面最多只能有一个值"),
    (r"argument (.+?): expected at least one argument", "参数 {0} 后面至少要有一个值"),
    (r"argument (.+?): expected (\d+) arguments?", "参数 {0} 后面要有 {1} 个值"),
    (r"argument (.+?): invalid int value: '(.*)'", "参数 {0} 应为整数，实为“{1}”"),
    (r"argument (.+?): invalid float value: '(.*)'", "参数 {0} 应为数字，实为“{1}”"),
    (r"argument (.+?): invalid \S+ value: '(.*)'", "参数 {0} 的值“{1}”不对"),
    (r"argument (.+?): ignored explicit argument '(.*)'", "参数 {0} 不带值，却给了“{1}”"),
    (r"ambiguous option: (\S+) could match (.*)", "选项 {0} 不明确，可能是 {1}"),
    (r"argument (.+?): not allowed with argument (.+)", "参数 {0} 不能和 {1} 同时使用"),
    (r"one of the arguments (.*) is required", "{0} 中至少要给出一个"),
    (r"option (\S+) must not be given a value|argument (\S+): ignored.*", "参数 {0} 不带值"),
]
CLI_ARGPARSE_OTHER_ARG = "参数 {0} 有误"
CLI_ARGPARSE_OTHER = "命令行无法解析"
CLI_CHOICES = "；可用的命令：{choices}"
CLI_SUGGEST_USE = "；是否要用 {what}？"
CMP_NO_FIGURES = "（两年的报告中都没有列出主要指标）"
CLI_COMPARE_SAME_YEAR = "对比需要两个不同的年份，两次都给了 {year}"
CMP_BLOCK_YEAR = "{year}年  "
CMP_DOCX_DATE = "{d.year}年{d.month}月{d.day}日"
STORE_NOT_UTF8 = "不是 UTF-8 编码"
CMP_DOCX_SPAN_SOURCE = "资料来源：{place}{years}政府工作报告；{date}整理"

# ------------------------------------------------------------ help of commands added beside issue 16's table
CLI_EXPORT_PDF_HELP = "同时用 LibreOffice 转出 PDF（与 .docx 同名）"
CLI_EXPORT_NO_JOINERS_HELP = "Word 稿中行末的人名、数字不加防断行字符；查找、复制照常， Word 可能在其中换行"
CLI_EXPORT_STRICT_HELP = "核对有错误时不导出（退出码 1）"
CLI_EXPORT_CHANGES_HELP = "导出修订稿：与某个版本（版本名称）或某一年的报告相比，改动以 Word 修订标出"
CLI_EXPORT_DATE_HELP = "修订的时间（如 2025-01-05 或 2025-01-05 09:30；默认为当前稿最后保存的时间）"
CLI_EXPORT_AUTHOR_HELP = "修订的作者（默认取环境变量 WORKBENCH_AUTHOR，否则为当前用户名）"
CLI_RESTORE_HELP = "从回收站恢复一份已删除的报告"
CLI_TRASH_HELP = "列出回收站中的报告；--empty 清空回收站"
CLI_TRASH_EMPTY_HELP = "永久删除回收站中的全部报告"
CLI_REDLINE_DONE = "已导出修订稿 {path}：与“{base}”相比，插入{ins}处，删除{dels}处；修订人“{author}”，修订时间 {date}（{date_from}）"
REDLINE_DATE_SAVED = "当前稿最后保存的时间"
REDLINE_DATE_GIVEN = "--date 指定"
CLI_BAD_REDLINE_DATE = "--date 的“{value}”不是日期；请写成 2025-01-05 或 2025-01-05 09:30"
CLI_CHANGES_FROM_MISSING = "找不到“{ref}”：{place} {year} 年报告没有这个版本（用 workbench version list {place} {year} 查看），数据库中也没有这一年的{place}报告；与某一年比较请写年份，如 --changes-from {prev}"
VERSION_COMMANDS_TITLE = "版本操作"
VERSION_COMMANDS_HELP = "save、list、show、restore、delete 或 done"
VERSION_ARG_NAME = "版本名称，如 征求意见稿"
VERSION_ARG_COMMENTS = "批注编号（见 check 的输出）"
VERSION_BAD_NAME = "版本名称“{name}”不能含有 / \\ @ 或换行，请换一个，如：征求意见稿"
# ------------------------------------------------------------ one truth, read-only, no silent loss
ROLL_NOTE_HEAD = "由上年报告起草；"
ROLL_NOTE_SESSION = "会议次数已加一（如已换届，请改届次并把会议次数改为第一次）"
ROLL_NOTE_SESSION_BY = "会议次数已按一年一次从{old}改为{new}（跨越{by}年：如其间已换届，请改届次和会议次数）"
ROLL_NOTE_MEETING = "副题行中没有找到“第…次会议”，请手工改会议届次"
ROLL_NOTE_DATE = "会议日期沿用{source}年报告的月日，请改为{year}年的开会日期"
ROLL_NOTE_REVIEW = "工作回顾一章仍是{source}年报告的文字（写的是{reviewed}年的工作），请改写为{target}年的工作回顾"
ROLL_NOTE_TARGETS_OWNED = "目标段不是按目标表生成的文字（导入的原文或您改写过的），已原样保留（年份已顺延），不会随新的目标表改动，请按今年的目标改写"
ROLL_NOTE_CALENDAR_REWRITE = ("工作安排中有 {n} 句写的是年份在五年规划中的位置（收官、开局、“十四五”等），"
                              "顺延到{year}年就不再成立，已原样保留，请改写：{sentences}")
ROLL_NOTE_CALENDAR_CHECK = "{n} 句年份定位已顺延，请核对说法：{sentences}"
ROLL_NOTE_TARGETS_COPIED = "目标表沿用{source}年报告的{n}项目标（数值未改），请按{year}年的预期目标逐项修改（F2）"
ROLL_NOTE_YEARS = "工作安排中有 {n} 处年份已顺延{by}年，请核对说法（如“关键一年”“收官之年”）"
CLI_NEW_REVIEW = "待核对：{note}"
GENERATED_MARK = "〔自动〕"
SEC_GENERATED = "〔自动〕由本年目标表自动生成，只读；Ctrl+G 改为自己撰写"
SEC_GENERATED_EMPTY = "（目标表为空，本段暂无内容）"
SEC_TO_FREE = "本段已改为自由文本：此后按您写的内容打印，核对会对照目标表检查其中的数字"
SEC_TO_GENERATED = "本段已改为由目标表自动生成（原文可按 Ctrl+Z 恢复）"
SEC_NOT_TARGETS = "只有“主要预期目标”段可以由目标表自动生成"
EDIT_GENERATED_STRUCTURE = "〔自动〕段由目标表生成，不能拆分或合并；先按 Ctrl+G 转为自己的文字"
EDIT_SPLIT_AT_END = "光标后没有文字，无需拆分；要新起一段请按 Ctrl+N"
EDIT_MERGE_FIRST = "这是本章（节）的第一段，前面没有可合并的段落"
SEC_SPLIT_DONE = "已在光标处拆成两段（Ctrl+Z 撤销）"
SEC_MERGE_DONE = "已并入上一段（Ctrl+Z 撤销）"
SEC_SELECTED_PARAGRAPH = "已选中整段"
# Find and replace (Ctrl+H) and the outline's search (/).
FIND_EMPTY = "请输入要查找的文字"
NOTHING_SELECTED = "先在左边目录中选中一章、一节或一段"
FIG_TABLE_EMPTY = "这张表还没有指标，无可删除：按 a 新增，或按 v 粘贴一整句目标"
CANNOT_MOVE_FURTHER = "已在最{end}，不能再{way}移"
FIND_TITLE = "在整份报告中查找（标题、段首句、正文）："
FIND_NONE = "报告中没有“{text}”"
FIND_NONE_GENERATED = "报告中只有〔自动〕段含“{text}”（{n} 处），它们由目标表生成：请在目标表中修改"
REPLACE_TITLE = "把“{text}”（共 {n} 处{more}）替换为（可以留空，即删去）："
REPLACE_MORE_GENERATED = "，另有 {n} 处在〔自动〕段中，不替换"
REPLACED = "已把 {n} 处“{old}”替换为“{new}”（Ctrl+Z 一次全部撤销）"
OUTLINE_FIND_TITLE = "在章节中查找，跳到下一处："
OUTLINE_FOUND = "第 {k}/{n} 处“{text}”（再按 / 回车找下一处）"
BINDING_FIND_REPLACE = "查找替换"
BINDING_OUTLINE_FIND = "查找"
SEC_GENERATE_WOULD_DROP = "这几句读不成指标，由目标表生成会丢掉它们，未改动：{clauses}。请先改写，或在目标表中补上"
SEC_GENERATE_ADDED = "正文有而目标表没有的目标已加进目标表：{clauses}"
SEC_GENERATED_READONLY = "〔自动〕段不能直接输入：到指标页（F2）改目标，或按 Ctrl+G 改为自己撰写"
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
QUIT_PENDING = "输入框里还有没确定的内容：“{text}”。要回去按回车确定它，还是不要它直接退出？"
QUIT_BACK_TO_FIELD = "回到输入框"
QUIT_DROP_TYPED = "不要它，退出"
QUIT_UNSAVED_REASON = "（上次保存失败：{reason}）"
QUIT_SAVE = "保存并退出"
QUIT_CHANGED = "{what}本次打开以来有改动（已自动保存 {time}）。保留这些改动退出，还是撤销它们、恢复到打开时的样子？"
QUIT_KEEP = "保留改动并退出"
DEMO_TEMPORARY_TITLE = "临时示例：退出后删除"
DEMO_QUIT_WARNING = "\n注意：这是临时示例，退出后整个示例数据库都会删除；要留下改动，先按 F8 导出，或以后用 workbench demo --folder 文件夹 打开示例。"
QUIT_REVERT = "撤销本次打开以来的修改，退出"
STORE_CLOSED = "程序正在退出，数据库已关闭"
QUIT_CANCEL = "取消"
BACK_UNSAVED = "{what}还有未保存的改动{reason}。返回列表前要保存吗？"
BACK_SAVE = "保存并返回"
BACK_DISCARD = "撤销本次打开以来的修改，返回"
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

# ------------------------------------------------------------ drafting flow (clauses, counts, last year)
CLAUSE_NEEDS_NAME = "“{text}”没有写指标名称：新增一行时请写全，如“规上工业总产值160亿元，增长8%左右”"
CLAUSE_WORD_UNREAD = ("“{text}”里的“{name}”读不成指标，这一行没有改动。约数请写成“8%左右”"
                      "或“增长8%左右”、“21亿元左右”")
CLAUSE_NOT_A_NAME = ("“{text}”里没有指标名称（“{name}”不是名称），这一行没有改动。名称格请写名称，"
                     "或写带名称的整句，如“地区生产总值增长6%左右”；数字也可以直接写在数值、增速格")
FIG_ADD_CLAUSE_TITLE = "新增指标：可写整句，如“规上工业总产值160亿元，增长8%左右”，或只写名称"
FIG_EDIT_CLAUSE_HINT = "也可写整句，如“规上工业总产值160亿元，增长8%左右”，整行一起填好"
SENTENCE_TITLE = "从这句话读到 {n} 项指标（{table}，现有 {rows} 项）"
SENTENCE_COLUMNS = ("指标", "数值", "增速")
SENTENCE_REPLACE = "替换整张表：现有{rows}项换成这{n}项（回车）"
SENTENCE_APPEND = "合并（a）"
SENTENCE_UNREAD = "没读成指标、不会写进表格的 {n} 句：{clauses}"
SENTENCE_UNREAD_KEPT = "这几句没有写进表格，请在正文里核对：{clauses}"
SENTENCE_NONE = "这段文字里没有读到指标：“{text}”"
SENTENCE_REPLACED = "已按这句话填好 {n} 项指标，原有 {rows} 项已换掉（Ctrl+Z 可撤销）"
SENTENCE_APPENDED = "已更新 {updated} 项、新增 {added} 项指标（Ctrl+Z 可撤销）"
SENTENCE_KEYS = "回车替换整张表；a 合并：同名的更新，其余加在表末；Esc 取消"
SENTENCE_TABLE_NAMES = {"results": "上年完成表", "targets": "今年目标表"}
BINDING_PASTE_SENTENCE = "粘贴整句"
PASTE_SENTENCE_TITLE = "粘贴一整句目标，回车读入（读到的先给您看）"
COUNT_PART = {"paragraph": "本段{n}字", "section": "本节{n}字", "chapter": "本章{n}字",
              "total": "全文{n}字", "minutes": "宣读约{n}分钟"}
TAB_CHECKS_COUNTS = "核对 错{errors} 警{warnings}"
TAB_FIGURES_COUNTS = "指标 完成{results} 目标{targets}"
TAB_SECTIONS_COUNTS = "章节 {chapters}章{n}段"
LAST_YEAR_TITLE = "{year}年：{title}"
LAST_YEAR_BY_POSITION = "（标题不同，按顺序对应）"
LAST_YEAR_NONE = "上年报告中没有与此节对应的内容"
LAST_YEAR_NO_REPORT = "数据库中没有上一年的报告"
LAST_YEAR_FIGURE = "上年该指标：{text}"
LAST_YEAR_HINT = "Ctrl+O 把所选段落插到当前段之后 · ↑/↓ 选段"
BINDING_LAST_YEAR = "上年对照"
BINDING_COPY_LAST_YEAR = "复制上年段落"
LAST_YEAR_COPIED = "已把上年段落插在当前段之后：{label}"
NEW_LABELS = {"place": "地点（如 狮岭镇）", "year": "年份（如 2025）", "from": "从哪一年的报告起草（可空）"}
NEW_KEYS = "回车创建并打开；Tab 到下一栏；Esc 取消"
PALETTE_PLACEHOLDER = "搜索命令…"
PALETTE_NO_MATCHES = "没有匹配的命令"
SYSTEM_COMMANDS = {"Keys": ("按键一览", "显示当前可用的按键"),
                   "Maximize": ("最大化", "把当前区域放大到整个屏幕"),
                   "Minimize": ("还原", "取消最大化"),
                   "Quit": ("退出", "退出报告工作台"),
                   "Screenshot": ("截图", "把当前屏幕存为 SVG 图片"),
                   "Theme": ("主题", "更换配色"),
                   "Help": ("帮助", "显示当前区域的说明")}
FOOTER_PALETTE = "命令"
# A report without a title is printed (export, show) and listed under this one.
UNTITLED_AS_PRINTED = "政府工作报告"
THEME_PLACEHOLDER = "搜索配色……（↑/↓ 预览，回车选定，Esc 取消）"
SCREENSHOT_FILE = "截图-{time}.svg"
SCREENSHOT_SAVED = "已截图：{path}（SVG 图片，可用浏览器打开）"
SCREENSHOT_FAILED = "截图未能保存到 {path}：{reason}"
HELP_DIALOG = "对话框：Tab 在各栏和按钮之间移动，回车确认，Esc 取消（什么也不改）。"
HELP_PROMPT = ("输入框：回车确认，Esc 取消。指标可写整句，如“规上工业总产值160亿元，增长8%左右”，"
               "名称、数值、增速和限定词一起填好；输入有误时留在框里并指出第几个字符。")
HELP_NEW_REPORT = ("新建报告：填写地点和四位年份；“从哪一年起草”留空为空白报告，填往年年份则以那一年的报告为底稿起草。"
                   "在任一栏按回车即创建并打开，Esc 取消。")
BINDING_WIDEN = "加宽目录"
BINDING_NARROW = "收窄目录"
PALETTE_TOOLTIP = "打开命令面板：按中文名称搜索所有操作"
BINDING_HELP_ALL = "帮助"
HELP_KEYS = "这里可用的按键：{keys}"
BINDING_BACK_SHORT = "返回"
HELP_LAST_YEAR = ("上年对照：F9 显示或隐藏上年相应的一节（按对比页的方法配对）；↑/↓ 选段，"
                  "回车或 Ctrl+O 把所选段落复制到当前段之后；下方显示光标处指标的上年目标与完成数。")
# ------------------------------------------------------------ TUI: versions and review rounds
BINDING_VERSIONS = "版本"
HELP_VERSIONS = ("版本：这份报告各轮的命名稿（征求意见稿、送审稿……）。s 把当前稿存为新版本；Enter 只读查看；"
                 "d 把所选版本与当前稿对比；c 逐条处理审阅稿中的修订；r 恢复到所选版本（当前稿先自动另存）；Delete 删除版本；Esc 返回。")
VERSIONS_TITLE = "{place} {year} 年报告的版本"
VERSIONS_HINT = "s 存为新版本　Enter 查看　d 与当前稿对比　c 处理修订　r 恢复　Delete 删除　Esc 返回"
VERSIONS_KEY_SAVE = "存为版本"
VERSIONS_KEY_OPEN = "查看"
VERSIONS_KEY_CHANGES = "处理修订"
VERSIONS_KEY_RESTORE = "恢复"
VERSIONS_KEY_DELETE = "删除"
VERSIONS_SAVE_PROMPT = "把当前稿存为版本，名称："
VERSIONS_SAVE_PLACEHOLDER = "如 征求意见稿"
VERSIONS_NO_CHANGES = "“{name}”不是带修订的审阅稿，没有可处理的修订"
VERSIONS_RESTORE_CONFIRM = "恢复到版本“{name}”？当前稿会先自动另存为一个版本，不会丢失。"
VERSIONS_DELETE_CONFIRM = "删除版本“{name}”？删除后不能恢复。"
VERSIONS_DELETE_YES = "删除版本"
VERSION_VIEW_TITLE = "版本“{name}”（只读）　Esc 返回"
HELP_CHANGES = ("修订：审阅稿中别人用 Word“修订”做的改动，每条写明插入或删除、内容和修订人。a 接受、x 拒绝所选的一条；"
                "A 全部接受、X 全部拒绝。拒绝会改动这个版本的文字；要让它成为当前稿，回到版本列表按 r。")
CHANGES_TITLE = "“{name}”中的修订"
CHANGES_HINT = "a 接受　x 拒绝　A 全部接受　X 全部拒绝　Esc 返回（结果存在这个版本里；在版本列表按 r 采用）"
CHANGES_KEY_TAKE = "接受"
CHANGES_KEY_REFUSE = "拒绝"
CHANGES_KEY_TAKE_ALL = "全部接受"
CHANGES_KEY_REFUSE_ALL = "全部拒绝"
CHANGE_KIND = {"ins": "插入", "del": "删除"}
CHANGE_DECISION = {"taken": "〔已接受〕", "refused": "〔已拒绝〕"}
CHANGE_OPEN = "〔待处理〕"
CHANGE_NOT_FOUND = "这条修订所在的段落已改动，找不到原处，未处理"
BINDING_COMMENT_DONE = "批注已处理"
COMMENT_MARKED_DONE = "已把这条批注标为已处理"
COMMENT_NOT_A_COMMENT = "这一条不是批注、起草待核对事项或模型的待核实数字；d 只对 R601、R602、W701、W702 起作用"
TODO_FINDING = "起草待核对：{item}（处理完按 d 标记）"
IMPORT_TODO_FINDING = "导入时的提醒：{item}（处理完按 d 标记）"
IMPORT_NOTE_HEAD = "导入时的提醒；"
TODO_MARKED_DONE = "已把这条待核对事项标为已处理"
BINDING_BACK_REPORT = "返回报告"
BINDING_BACK_VERSIONS = "返回版本列表"
VERSIONS_KEY_COMPARE = "与当前稿对比"
VERSIONS_CURRENT = "{year}年当前稿"
IMPORT_EXISTING_NAME = "{place} {year} 年"
IMPORT_ASK_REPLACE = "数据库中已有{names}的报告。用导入的内容替换它吗？原报告会移入回收站（按 b 可找回）。"
IMPORT_REPLACE = "替换"
IMPORT_CANCEL = "取消"
HELP_FIGURES_CLAUSE = ("也可以在任一格直接打字，整句写出如“规上工业总产值160亿元，增长8%左右”，名称、数值、增速、"
                       "限定词一起填好；只写“增长6.5%”则只改增速。v 粘贴一整句目标（“主要预期目标是：……”），"
                       "先列出读到的各项，回车才替换整张表。i 从统计局的表格（.xlsx/.xls/.ods/.csv）填完成数或预期目标，"
                       "先预览，勾选后才写入，Ctrl+Z 可整批撤销。")
EXPORT_PATH_TITLE = "导出 Word 文稿到（可改路径；回车导出，Esc 取消）"
EXPORT_PATH_TITLE_PDF = "导出 Word 文稿并转为 PDF（PDF 放在同一文件夹；回车导出，Esc 取消）"
EXPORT_PATH_EMPTY = "请填写导出文件的路径"
EXPORT_PATH_IS_DIR = "“{path}”是一个文件夹，请在后面写上文件名，如 …/狮岭镇2025年政府工作报告.docx"
EXPORT_PATH_NO_FOLDER = "“{folder}”不能用作文件夹（路径中有同名的文件），请改一个路径"
EXPORT_MAKE_FOLDER = "文件夹“{folder}”还没有。要新建它并导出到那里吗？"
EXPORT_FOLDER_FAILED = "无法新建文件夹“{folder}”：{reason}"
HELP_EXPORT_PATH = ("导出路径：框里是将要写入的 Word 文件（已选中，直接输入新路径即整体替换；按 End 或 ← "
                    "可在原路径上修改文件名）。不写 .docx 会自动加上；文件夹不存在时会问是否新建；"
                    "文件已存在时会问是否覆盖。回车导出，Esc 取消。")
EXPORT_OVERWRITE = "“{path}”已存在。覆盖它吗？"
COMPARE_TREND_Y_GROWTH = "增速（%）"
COMPARE_TREND_Y_VALUE = "数值"
BINDING_BACK_PREVIOUS = "返回"
COMPARE_TREND_DOT = "● "
COMPARE_TREND_LEGEND = "横轴：年份；纵轴：{y}"
# ------------------------------------------------------------ why a library call failed (util/reasons.py)
REASON_MISSING_PART = "文件内部引用的部件 {part} 不存在（文件可能已损坏，或由不规范的软件生成；请在 Word 或 WPS 中打开后另存为 .docx 再试）"
REASON_MISSING_PART_BARE = "文件内部引用的部件不存在（文件可能已损坏；请在 Word 或 WPS 中打开后另存为 .docx 再试）"
REASON_NOT_ZIP = "不是有效的 .docx（zip）文件"
REASON_BAD_XML = "文件中的 XML 内容已损坏"
REASON_ENCODING = "文件中的文字编码不对"
REASON_TOO_LARGE = "文件过大，内存不够"
REASON_UNSUPPORTED_PACKING = "文件已加密或使用了不支持的压缩方式"
REASON_NO_PERMISSION = "没有读取权限"
REASON_READ_FAILED = "读取时出错"
REASON_DAMAGED = "文件已损坏或格式不受支持（请在 Word 或 WPS 中打开后另存为 .docx 再试）"
QUIT_HINT = "按 {key} 退出报告工作台（未保存的改动会先问您）"
QUIT_HINT_TITLE = "要退出吗？"
KEYS_OR = " 或 "
CLI_YEAR_RANGE = "年份“{value}”超出范围：应在 1900 到 2199 年之间"
CLI_CHANGES_FROM_NO_YEAR = "数据库中没有{place} {ref} 年的报告，也没有名为“{ref}”的版本，无法与之比较（workbench list 可列出已有报告）"
CLI_TRASH_YES_HELP = "与 --empty 同用：不再询问，直接永久删除"
CLI_TRASH_CONFIRM = "永久删除回收站中的 {n} 份报告（{names}）？删除后无法恢复。输入 y 确认，其他键取消："
CLI_TRASH_NEEDS_YES = "回收站中有 {n} 份报告（{names}）；永久删除无法恢复，请确认后加 --yes 再运行：workbench trash --empty --yes"
CLI_TRASH_KEPT = "已取消，回收站未动"
CLI_DEMO_TEMP = "示例数据库（临时，退出后删除；要保留请用 workbench demo --folder 文件夹）：{path}"
CLI_WAITING = "数据库 {path} 正被另一个程序使用（{holder}），正在等待它写完…（最多 {wait} 秒，Ctrl+C 放弃）"
CLI_STORE_LOCKED = "数据库 {path} 正被另一个程序使用（{holder}），等了 {wait} 秒仍未释放，未做改动；请关闭它（如报告工作台的界面）后再试。只读的命令（list、show、check、compare、export）不受影响，可以照常使用；加 --readonly 可确保只读、不等待"
CLI_READONLY_REFUSED = "已加 --readonly（只读）：“{command}”要修改数据库 {path}，未执行；去掉 --readonly 再试"
STORE_FOLDER_UNUSABLE = "无法写入数据库 {path}：它所在的文件夹 {folder} {reason}（保存时要在这个文件夹里建文件）；请换一个能写入的文件夹，或用只读的命令查看"
IMPORT_IS_COMPARISON = "{path} 是报告工作台导出的对照表（“{title}”），不是一份报告，不能导入；要导入的是报告本身（.txt、.docx 或 .json）"
# ------------------------------------------------------------ the bureau's spreadsheet (issue 27)
SHEET_MISSING = "找不到表格文件 {path}"
SHEET_IS_FOLDER = "{path} 是文件夹，不是表格文件"
SHEET_UNSUPPORTED = "不能读取 {path}：不支持 {suffix} 文件，请用 {suffixes}"
SHEET_UNREADABLE = "无法读取 {path}：{reason}"
SHEET_EMPTY_FILE = "{path} 是空文件（0 字节），请向统计局要原表"
SHEET_TOO_BIG = "{path} 有 {mb} MB，太大，不像一张统计快报；请只留下要用的工作表后另存再试"
SHEET_CSV_ENCODING = "{path} 的文字编码读不出（既不是 UTF-8 也不是 GB18030），请在 Excel 或 WPS 中另存为 .xlsx 再试"
SHEET_NO_READER = "读取表格需要 python-calamine，请运行 pip install python-calamine 后再试"
SHEET_PASSWORD = "{path} 设有打开密码，无法读取；请在 Excel 或 WPS 中输入密码打开，去掉密码（文件→信息→保护工作簿）另存后再试"
SHEET_ET = "{path} 是 WPS 表格（.et）文件，读不出；请在 WPS 中“另存为”Excel 文件（.xlsx）再试"
SHEET_DAMAGED = "{path} 已损坏或不是表格文件，读不出（{reason}）；请在 Excel 或 WPS 中打开后另存为 .xlsx 再试"
SHEET_NO_SUCH_SHEET = "{path} 中没有名为“{sheet}”的工作表；有：{names}"
SHEET_NO_HEADER = "{where} 的前 25 行中找不到表头（应有“指标名称”“单位”“本期”“同比增长”这样的列名）；请确认选的是统计快报那张工作表（--sheet 工作表名）"
SHEET_NO_NAME_COLUMN = "{where} 找不到指标名称那一列（列名应为“指标”“指标名称”或“项目”）"
SHEET_NO_VALUE_COLUMN = "{where} 找不到数值或增速的列（列名应有“本期”“1-12月”“绝对值”“同比增长”等）；可用 --column 列名 指定"
SHEET_NO_TARGET_COLUMN = "{where} 找不到“预期目标”（或“目标”“计划”）列，不像计划表；导入完成情况请选上一年的完成数"
SHEET_NO_SUCH_COLUMN = "{where} 中没有含“{column}”的列；有这些列：{labels}"
SHEET_NO_ROWS = "{where} 的表头下没有一行带数字的指标，没有可导入的内容"
SHEET_TEXT_NUMBER = "第{line}行“{name}”的“{text}”（{column}列）是写成文字的数，请在表中改成数字（如 1.2万 写作 12000）后再导入"
SHEET_HIDDEN_ROWS = "表中第 {lines} 行是隐藏行，已照常列出，请核对是否要用"
SHEET_OTHER_YEAR = "{where} 是 {years} 年的表，这里要的是 {year} 年的{what}，未导入；请选对年份的表"
SHEET_OTHER_PLACE = "{where} 的标题是{named}的数据，不是{place}的，未导入；请选{place}的表"
SHEET_OTHER_PLACES = "{where} 有几个地方并列（{places}），其中没有{place}，未导入；请确认报告的地点或选对表"
SHEET_RESULTS_OF = "完成数"
SHEET_TARGETS_OF = "预期目标"
SHEET_COLUMN_NAME = "指标取“{label}”列"
SHEET_COLUMN_VALUE = "数值取“{label}”列"
SHEET_COLUMN_GROWTH = "增速取“{label}”列"
SHEETFILL_SAME = "不变"
SHEETFILL_NEW = "新增一行（表中没有）"
SHEETFILL_EMPTY = "（空）"
SHEETFILL_CHANGE = "{what}{before} → {after}"
SHEETFILL_VALUE = ""
SHEETFILL_GROWTH = ""
SHEETFILL_NO_INDICATOR = "对不上指标库中的指标，也不是表中已有的指标"
SHEETFILL_MAP_HINT_CLI = "要导入这些行，请用 --map “表中文字=指标名” 指定（按地点记住，明年自动对上）"
SHEETFILL_TWICE = "与第{line}行同是“{name}”，只取第{line}行"
SHEETFILL_TARGET_UNREAD = "第{line}行“{name}”的目标“{text}”读不懂：{reason}"
SHEETFILL_RATE_AS_VALUE = "第{line}行“{name}”的数值列是百分数，而这个指标以{unit}计：增速不能填作数值，请核对表中的列"
SHEETFILL_UNIT_MISMATCH = "第{line}行“{name}”的单位是{unit}，表中这个指标以{want}计，换算不了，未填"
SHEETFILL_NOTE_CONVERT = "{unit}→{want}"
SHEETFILL_NOTE_NO_UNIT = "表中未写单位，按{want}"
SHEETFILL_NOTE_RATE = "表中为百分数，作增速"
SHEETFILL_HOW = {"memory": "（按您以前的对应）", "table": "（表中已有）", "fuzzy": "（相近，请核对）"}
SHEETFILL_COLUMNS = ("行", "表中文字", "对应指标", "将写入", "现在", "变化")
SHEETFILL_UNMAPPED_TITLE = "对不上指标的 {n} 行（不导入）："
SHEETFILL_UNMAPPED_ROW = "  第{line}行 {text}：{reason}"
SHEETFILL_NOTES_TITLE = "表下的注："
FIGURES_COMMANDS_TITLE = "子命令"
FIGURES_COMMANDS_HELP = "子命令：import（从统计局的表格填指标）"
FIGURES_NEEDS_SUB = "figures 后面要跟子命令，如 workbench figures import 狮岭镇 2025 快报.xlsx"
FIGURES_IMPORT_HELP = "把统计局表格中的数字填入报告的指标表（先预览）"
FIGURES_IMPORT_DESCRIPTION = ("读统计局的表格（.xlsx、.xls、.ods、.csv；WPS .et 能读则读），按表头的文字找到指标列、"
                              "单位、本期数值和同比增长（几个地方并列时取报告地点的那一栏），把每行对到指标库中的指标，"
                              "换算成表中的单位，列出预览（表中文字、对应指标、将写入、现在、变化；对不上的行单独列出），"
                              "然后写入。年份是报告的年份：统计快报填上一年的完成数，计划表（有“预期目标”列）填本年的目标。")
FIGURES_IMPORT_EPILOG = ("例：workbench figures import 狮岭镇 2025 统计快报.xlsx --dry-run\n"
                         "    workbench figures import 狮岭镇 2025 快报.csv --map 规模工业增速=规上工业增加值\n"
                         "对应关系（--map 和采用过的相近对应）按地点记在数据库旁的 .sheetmap.json 中，明年自动使用。")
FIGURES_ARG_YEAR = "报告的年份（统计快报填它上一年的完成数，计划表填这一年的目标）"
FIGURES_ARG_FILE = "统计局的表格：.xlsx、.xls、.ods、.csv（UTF-8 或 GB18030），或 WPS 的 .et"
FIGURES_ARG_SHEET = "读哪张工作表（默认：第一张有指标表头的）"
FIGURES_ARG_COLUMN = "数值取哪一列：列名中的字，如 本期、1-12月、绝对值"
FIGURES_ARG_TARGETS = "按计划表读（预期目标填入本年目标表）；不加时由表头判断"
FIGURES_ARG_MAP = "指定一行对哪个指标：“表中文字=指标名”，可重复；会按地点记住"
FIGURES_ARG_DRY_RUN = "试运行：只列出预览，不写入"
FIGURES_ARG_JSON = "以 JSON 输出预览"
FIGURES_METAVAR_SHEET = "工作表"
FIGURES_METAVAR_COLUMN = "列名"
FIGURES_METAVAR_MAP = "文字=指标"
FIGURES_BAD_MAP = "--map “{text}”看不懂：应写成“表中文字=指标名”，如 --map 规模工业增加值=规上工业增加值"
FIGURES_READ = "读取 {file}（工作表“{sheet}”）：{columns}。将填入 {place} {year} 年报告的{table}："
FIGURES_DRY_RUN = "（试运行，未写入）"
FIGURES_NOTHING = "表中的数字与 {place} {year} 年报告中的一致，没有要改的"
FIGURES_WRITTEN = "已把 {n} 行写入 {place} {year} 年报告的{table}"
FIGURES_MEMORY_FAILED = "注意：对应关系没能记下（{reason}），下次需重新指定"
SHEET_PREVIEW_KEYS = "空格 勾选或取消本行　a 全选　n 全不选　m 指定本行对哪个指标（会记住）　回车 写入勾选的行（可撤销）　Esc 不写入"
SHEET_PREVIEW_MAP = "指定指标"
SHEET_PREVIEW_UNMAPPED_TICK = "×"
SHEET_MAP_TITLE = "表中第{line}行“{text}”对哪个指标？（输入指标名，Tab 补全；按地点记住）"
SHEET_MAP_UNKNOWN = "“{name}”不是指标库中的指标，也不是表中已有的指标；请从提示中选一个"
SHEET_PREVIEW_ACCEPT = "写入勾选的行"
SHEET_PREVIEW_TOGGLE = "勾选"
SHEET_PREVIEW_ALL = "全选"
SHEET_PREVIEW_NONE = "全不选"
SHEET_PREVIEW_TICK = "写入"
SHEET_PREVIEW_COUNT = "已勾选 {n} / {total} 行有变化的行"
SHEET_PICKER_TITLE = "从统计局的表格填指标：选 .xlsx、.xls、.ods、.csv 或 .et 文件"
BINDING_IMPORT_SHEET = "从表格填"
SHEET_IMPORT_NOTHING = "表中的数字与报告一致，没有要改的（{file}）"
SHEET_IMPORT_DONE = "已从 {file} 写入 {n} 行到{table}（Ctrl+Z 撤销）"
SHEET_IMPORT_NONE_CHOSEN = "没有勾选任何行，未写入"
SHEET_IMPORT_TARGETS_HINT = "这是计划表：预期目标将填入今年目标表"
FIGURES_ARG_NEW_ROWS = "表中没有的指标也写入（新增行）；不加时只更新表中已有的指标"
FIGURES_NEW_ROWS = "表中没有的 {n} 个指标（{names}）不写入；要新增这些行请加 --new-rows"
SHEET_REASON_ZIP = "文件不完整或不是 zip 包（可能没下载完）"
SHEET_REASON_XML = "表格内部的 XML 已损坏"
SHEET_REASON_PERMISSION = "没有读取权限"
SHEET_REASON_OTHER = "内容不是能识别的表格格式"
FIGURES_FINAL = "{place} {year} 年报告已标为定稿，未写入；要修改请先在工作台中按 F7 改回草稿（加 --dry-run 可只看预览）"
SHEET_MERGED_VALUE = "第{first}–{last}行的数字是一个合并单元格，分不清哪个数属于“{name}”；请在表中取消合并、各行填好后再导入"

# ------------------------------------------------------------ language model help (issue 28)
AI_WHERE = "模型 {model}（{url}）"
AI_OFF = ("起草助手未开启：没有配置模型服务（本单位的大模型服务地址请向信息中心或系统管理员要）。未配置时不发送任何内容。配置方法：设置环境变量 WORKBENCH_AI_BASE_URL（如 http://10.0.0.5:8000/v1）"
          "和 WORKBENCH_AI_MODEL（如 qwen2.5-72b-instruct），需要时再设 WORKBENCH_AI_API_KEY；"
          "或在设置文件 {path} 中写入 \"ai\": {{\"base_url\": …, \"model\": …, \"api_key\": …}}")
AI_NO_PACKAGE = "起草助手需要 openai 包：请运行 pip install -e '.[ai]'（或 pip install openai）后再试"
AI_CANCELLED = "已取消，未写入任何内容"
AI_REFUSED = "连不上模型服务 {url}：连接被拒绝或地址不通，请确认地址和服务是否开着；未写入任何内容"
AI_TIMEOUT = "模型服务 {url} 在 {seconds} 秒内没有回答（可用 WORKBENCH_AI_TIMEOUT 调长）；未写入任何内容"
AI_BAD_KEY = "模型服务 {url} 拒绝了密钥（401）：请检查 WORKBENCH_AI_API_KEY 或设置文件中的 api_key；未写入任何内容"
AI_FORBIDDEN = "模型服务 {url} 拒绝访问（403）：这个密钥无权使用该模型；未写入任何内容"
AI_NOT_FOUND = "模型服务 {url} 没有模型“{model}”或地址不对（404）：请检查 WORKBENCH_AI_MODEL 和地址末尾的 /v1；未写入任何内容"
AI_STATUS = "模型服务 {url} 返回错误（HTTP {code}）；未写入任何内容"
AI_EMPTY = "模型没有给出任何内容；未写入任何内容"
AI_ENGLISH = "模型用英文作答，不能直接用于报告；未写入任何内容，可换用中文模型或重试"
AI_BAD_TASK = "没有“{task}”这项任务：可选 {tasks}"
AI_BAD_AT = "位置“{at}”看不懂：请写成“第2章第3段”“第2章第1节第3段”或“第2章第1节”"
AI_AT_MISSING = "位置“{at}”超出了报告：{what}"
AI_AT_CHAPTERS = "报告共 {n} 章"
AI_AT_SECTIONS = "这一章共 {n} 节"
AI_AT_PARAGRAPHS = "这里共 {n} 段"
AI_AT_WHOLE = "全文"
AI_AT_CHAPTER = "第{n}章"
AI_AT_SECTION = "第{n}节"
AI_AT_PARAGRAPH = "第{n}段"
AI_NEEDS_PLACE = "这项任务要指明位置：用 --at 第2章第3段（界面里先在大纲中选中）"
AI_NEEDS_PARAGRAPH = "润色要选中一段正文（--at 第2章第3段），不是章节标题"
AI_NEEDS_TARGETS = "指标表里还没有今年的预期目标，拟不出目标句：先在 F2 指标页填写"
AI_NEEDS_MATERIAL = "归纳材料要给出材料：用 --from 文件（.txt 或 .docx），界面里粘贴到材料框"
AI_GENERATED = "这一段由指标表生成（目标句），不能润色：可用“拟目标句”另拟一句作参考"
AI_EMPTY_PARAGRAPH = "这一段是空的，没有可润色的文字"
AI_NOTHING_TO_TAKE = "选中的内容是空的，没有可写入的文字"
AI_MATERIAL_READ = "材料文件 {path} 读不出文字：{reason}"
AI_FINDING_UNKNOWN = "模型写了{figure}，数据中没有这个数：请核实后改正，或在核对页按 d 标为已核实"
AI_FINDING_CHANGED = "模型润色时把{was}改成了{figure}：请核实后改正，或在核对页按 d 标为已核实"
AI_SETTLED = "已标为已核实：{figure}"

AI_PROMPT_SYSTEM = ("你是{place}人民政府办公室的文字秘书，正在协助起草{place}{year}年政府工作报告。"
                    "只用简体中文作答，直接给出可以放进报告的正文，不要解释、不要标题、不要使用 Markdown。\n{scope}")
AI_PROMPT_RULES = (
    "行文规矩：\n"
    "1. 公文语体，庄重、简练，多用短句；不用口语、不用网络用语、不用感叹号。\n"
    "2. 标点一律用全角中文标点（，。；：“”（）），数字和百分号用半角（8%、21.2亿元）。\n"
    "3. 只能使用下面给出的数字；不得编造、估算、四舍五入或换算任何数字，没有数字的地方就不写数字。\n"
    "4. 增速写作“增长8%左右”“下降3%”，限定词“左右”“以上”“以内”照原数据写，年份写作“2024年”。\n"
    "5. 要点（条目）以一句简短的加粗引领句开头（如“着力稳住工业基本盘。”），后接具体内容。\n"
    "6. 主要预期目标句的写法：“今年全镇经济社会发展的主要预期目标是：地区生产总值增长8%左右；……。”"
)
AI_PROMPT_NONE = "（无）"
AI_PROMPT_RESULTS = "{year}年完成情况（本报告的指标表）："
AI_PROMPT_TARGETS = "{year}年主要预期目标（本报告的指标表）："
AI_PROMPT_LAST_TARGETS = "{year}年预期目标（上年报告）："
AI_ASK_POLISH = ("请润色下面这一段，使之更符合公文语体、更精炼。所有数字、单位和限定词必须原样保留，"
                 "不得增删或改动任何数字；如有引领句请保留在段首。只输出润色后的这一段。\n\n{text}")
AI_ASK_REVIEW = ("请为“{title}”这一节写一段工作回顾，对照上年的目标说明完成情况，只用下面数据中的数字。\n\n"
                 "{data}\n\n本节现有文字：\n{own}\n\n上年报告中对应的一节“{last_title}”：\n{last_text}\n\n"
                 "只输出回顾段落本身。")
AI_ASK_DIGEST = ("下面是部门报送的材料。请把它归纳成“{title}”这一节的若干条要点，每条一段："
                 "以一句简短的引领句开头，再写具体内容；数字只能取自材料或下面的数据。\n\n"
                 "材料：\n{material}\n\n{data}\n\n只输出要点，每条一行。")
AI_ASK_TARGETS = ("请根据下面的主要预期目标，按报告的习惯写法拟一句主要预期目标句，"
                  "每项指标都要写到，数字和限定词照原数据写。\n\n{data}\n\n"
                  "工作台按指标表生成的句子（供对照，不必照抄）：\n{generated}\n\n只输出这一句。")

# the assist command and pane
AI_TASK_NAMES = {"写回顾": "为一节写工作回顾", "润色": "润色一段（不改数字）",
                 "归纳材料": "把部门材料归纳成要点", "拟目标句": "按指标表另拟目标句"}
AI_SENDING = "发往{where}：{task}（{at}），共 {chars} 字：{parts}"
AI_SENT_TABLES = "本报告的完成情况和目标表、上年目标"
AI_SENT_GENERATED = "按表生成的目标句"
AI_SENT_PARAGRAPH = "这一段"
AI_SENT_SECTION = "本节现有文字"
AI_SENT_LAST_SECTION = "上年报告中对应的一节"
AI_SENT_MATERIAL = "材料（{n} 字）"
AI_SENT_RULES = "行文规矩"
AI_PROGRESS = "正在接收：{chars} 字……（Esc 取消）"
AI_DONE = "已收到 {chars} 字：{figures} 个数字，其中 {flagged} 个需核实"
AI_FLAG_UNKNOWN = "模型写了{figure}，数据中没有这个数"
AI_FLAG_CHANGED = "润色把{was}改成了{figure}"
AI_FLAG_DROPPED = "润色删去了{figure}"
AI_ALL_KNOWN = "答案中的数字都能在本报告、上年报告或材料中找到"
AI_NO_FIGURES = "答案中没有数字"
CLI_AI_NOTHING_WRITTEN = "（以上仅供参考，没有写入报告；要写入请在界面的章节页按 Ctrl+B）"
AI_PANE_TITLE = "起草助手"
AI_PANE_KEYS = "回车 整段采用　s 采用选中部分（先用 Shift+方向键选中）　d 放弃　Esc 关闭"
AI_PANE_HINT_PICK = "选一项任务（Esc 关闭）：将发往{where}"
AI_PANE_MATERIAL = "把部门材料粘贴在这里（Ctrl+O 从 .docx 或 .txt 文件读入），然后按 Ctrl+B 发送（Esc 关闭）"
AI_MATERIAL_FILE = "从文件读入材料"
AI_TAKEN = "已写入{at}（Ctrl+Z 可撤销）；标为模型所写，{flagged} 个数字待核实"
AI_DROPPED = "已放弃模型的答案，报告没有改动"
AI_BUSY = "模型还在作答：Esc 取消后再问"
AI_NOT_READY = "答案还没有收完，不能采用"
AI_SELECT_PART = "先在答案中选中要采用的部分"
SEC_MODEL_WRITTEN = "引领句（本段由模型所写，尚未修改）"
BINDING_ASSIST = "起草助手"
AI_SEND = "发送"
AI_TAKE_WHOLE = "整段采用"
AI_TAKE_PART = "采用选中部分"
AI_DROP = "放弃"
AI_CANCEL = "取消"
AI_PANE_CLOSE_KEY = "Esc 关闭"
AI_PANE_PICK_KEYS = "↑/↓ 选择任务，回车发送；Esc 关闭。只在按下回车后才发送"
AI_PANE_STREAM_KEYS = "正在接收答案：Esc 取消（不写入任何内容）"
AI_STALE = "这一段在模型作答期间改过了，没有写入：请重新润色"
AI_PLACE_GONE = "答案要写入的位置已不在报告中，没有写入"
AI_ASKING = "{task}：正在发往{where}"
MODEL_MARK = "〔模〕"
AI_BINDING_TOOLTIP = "请本单位的语言模型写回顾、润色、归纳材料或拟目标句；选定任务后才发送，答案中的数字逐个核对"


# ------------------------------------------------------------ round (issue 25)
ROUND_COMMANDS_TITLE = "审阅稿操作"
ROUND_COMMANDS_HELP = "list、accept 或 reject"
ROUND_LIST_HELP = "列出审阅稿的修订（编号、状态、插入或删除、文字、修订人、时间）"
ROUND_ACCEPT_HELP = "接受修订：给出编号，或 --all 接受全部未处理的"
ROUND_REJECT_HELP = "拒绝修订：给出编号，或 --all 拒绝全部未处理的（插入的删去，删除的放回）"
ROUND_ARG_NUMBERS = "修订编号（round list 列出的），可给多个"
ROUND_ARG_ALL = "全部未处理的修订"
ROUND_ARG_ADOPT = "处理完后把这份审阅稿变成当前稿（当前稿先另存为版本）"
ROUND_ARG_VERSION = "审阅稿版本名（默认最新一份审阅稿）"
ROUND_NONE = "{place} {year} 年报告还没有审阅稿；导入一份带修订或批注的 .docx 即成为审阅稿"
ROUND_NO_CHANGES = "审阅稿“{name}”没有修订"
ROUND_HEAD = "审阅稿“{name}”：{counts}；未处理{open}处"
ROUND_ROW = "{n:>3}  {state}  {kind}  “{text}”  —{author} {date}  〔{where}〕"
ROUND_BAD_NUMBER = "审阅稿“{name}”没有编号为 {n} 的修订（共{total}处，编号 1–{total}）"
ROUND_NEED_WHICH = "请给出修订编号，或加 --all"
ROUND_DECIDED = "已{verb}{n}处修订；审阅稿“{name}”还有{open}处未处理"
ROUND_MISSED = "第{numbers}处修订所在的段落已改动，找不到原处，未处理"
ROUND_VERB = {"accept": "接受", "reject": "拒绝"}
ROUND_ALL_DONE = "修订已全部处理；要采用这份审阅稿：workbench round accept {place} {year} --all --adopt，或 workbench version restore {place} {year} \"{name}\""
ROUND_ADOPTED = "已把审阅稿“{name}”作为当前稿；原来的当前稿另存为版本“{kept}”"
ROUND_ADOPT_OPEN = "还有{open}处修订未处理，未采用；先处理完（或加 --all）再加 --adopt"
