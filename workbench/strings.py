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
CLI_EXPORTED = "已导出：{path}"
CLI_CHECK_SUMMARY = "{place} {year} 年报告核对结果：错误 {errors} 项，警告 {warnings} 项，提示 {infos} 项"
CLI_CHECK_PREVIOUS = "对照 {year} 年报告的目标"
CLI_CHECK_NO_PREVIOUS = "数据库中没有 {year} 年报告，只做本报告内部核对"
CLI_CHECK_CLEAN = "未发现问题"
CLI_INTERRUPTED = "已中断"
CLI_UNEXPECTED = "出现意外错误：{reason}。数据未被改动；请把这条信息告诉维护人员"
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
