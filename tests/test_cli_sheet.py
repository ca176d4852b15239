"""`workbench figures import PLACE YEAR FILE` (issue 27): preview, write, twice, refusals."""

from __future__ import annotations

import json

from sheetmaker import kuaibao, xlsx
from workbench.cli.commands import load_examples, main
from workbench.storage.store import Store


def _stored(path):
    with Store(path, readonly=True) as s:
        return s.get("狮岭镇", 2024)


def test_dry_run_then_import_then_again(tmp_path, capsys):
    db = tmp_path / "reports.json"
    load_examples(db)
    sheet = kuaibao(tmp_path / "kb.xlsx")
    before = _stored(db).to_dict()
    assert main(["--db", str(db), "figures", "import", "狮岭镇", "2024", str(sheet), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "23.56789亿元" in out and "邮电业务总量" in out and "试运行" in out and "注：" in out
    assert _stored(db).to_dict() == before
    assert main(["--db", str(db), "figures", "import", "狮岭镇", "2024", str(sheet)]) == 0
    assert "已把 4 行写入" in capsys.readouterr().out
    got = {f.key: f for f in _stored(db).results}
    assert (got["fixed_asset_investment"].value, got["fixed_asset_investment"].growth_pct) == (23.56789, 4.8)
    after = _stored(db).to_dict()
    assert main(["--db", str(db), "figures", "import", "狮岭镇", "2024", str(sheet)]) == 0
    assert "没有要改的" in capsys.readouterr().out
    assert _stored(db).to_dict() == after


def test_another_year_is_refused_and_map_is_remembered(tmp_path, capsys):
    db = tmp_path / "reports.json"
    load_examples(db)
    old = kuaibao(tmp_path / "old.xlsx", year=2022)
    assert main(["--db", str(db), "figures", "import", "狮岭镇", "2024", str(old)]) == 2
    err = capsys.readouterr().err.strip()
    assert "2022 年的表" in err and "2023 年的完成数" in err and "\n" not in err
    sheet = xlsx(tmp_path / "m.xlsx", [["指标", "单位", "本期"], ["工业产出合计", "亿元", 150.5]])
    assert main(["--db", str(db), "figures", "import", "狮岭镇", "2024", str(sheet), "--json", "--dry-run"]) == 0
    assert json.loads(capsys.readouterr().out)["unmapped"][0]["text"] == "工业产出合计"
    assert main(["--db", str(db), "figures", "import", "狮岭镇", "2024", str(sheet),
                 "--map", "工业产出合计=规上工业总产值"]) == 0
    capsys.readouterr()
    assert next(f for f in _stored(db).results if f.key == "industrial_output").value == 150.5
    memory = json.loads((tmp_path / "reports.sheetmap.json").read_text(encoding="utf-8"))
    assert memory == {"狮岭镇": {"工业产出合计": "规上工业总产值"}}
    assert main(["--db", str(db), "figures", "import", "狮岭镇", "2024", str(sheet), "--dry-run", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rows"][0]["how"] == "memory"


def test_bad_map_missing_file_and_a_final_report(tmp_path, capsys):
    db = tmp_path / "reports.json"
    load_examples(db)
    assert main(["--db", str(db), "figures", "import", "狮岭镇", "2024", str(tmp_path / "none.xlsx")]) == 2
    assert "找不到表格文件" in capsys.readouterr().err
    sheet = kuaibao(tmp_path / "kb.xlsx")
    assert main(["--db", str(db), "figures", "import", "狮岭镇", "2024", str(sheet), "--map", "x"]) == 2
    assert "--map" in capsys.readouterr().err
    with Store(db) as store:
        report = store.get("狮岭镇", 2024)
        report.status = "final"
        store.put(report)
    before = _stored(db).to_dict()
    assert main(["--db", str(db), "figures", "import", "狮岭镇", "2024", str(sheet)]) == 2
    assert "已标为定稿，未写入" in capsys.readouterr().err
    assert _stored(db).to_dict() == before


def test_new_rows_only_with_the_flag(tmp_path, capsys):
    db = tmp_path / "reports.json"
    load_examples(db)
    sheet = xlsx(tmp_path / "n.xlsx", [["指标", "单位", "本期", "增长%"],
                                       ["规上工业总产值", "亿元", 151.2, 5.3],
                                       ["社会消费品零售总额", "万元", 125000, 6.0]])
    assert main(["--db", str(db), "figures", "import", "狮岭镇", "2024", str(sheet)]) == 0
    out = capsys.readouterr().out
    assert "社会消费品零售总额）不写入" in out and "已把 1 行写入" in out
    assert not any(f.key == "retail_sales" for f in _stored(db).results)
    # the same import again: the row left out stays out (a trial saw it written the second time,
    # once nothing else was left to change)
    assert main(["--db", str(db), "figures", "import", "狮岭镇", "2024", str(sheet)]) == 0
    again = capsys.readouterr().out
    assert "不写入" in again and not any(f.key == "retail_sales" for f in _stored(db).results)
    assert main(["--db", str(db), "figures", "import", "狮岭镇", "2024", str(sheet), "--new-rows"]) == 0
    assert "已把 1 行写入" in capsys.readouterr().out
    assert next(f for f in _stored(db).results if f.key == "retail_sales").value == 12.5
