from __future__ import annotations

import json

import pytest

from workbench.document.model import ModelError, Report
from conftest import example_dict


@pytest.mark.parametrize("year", [2023, 2024])
def test_example_round_trips_losslessly(year):
    data = example_dict(year)
    report = Report.from_dict(data)
    assert report.to_dict() == data
    assert Report.from_json(report.to_json()) == report


def test_example_has_keys_and_commitments(r2023):
    assert all(f.key for f in r2023.targets)
    assert len(r2023.commitments) >= 5
    assert sum(1 for *_, p in r2023.paragraphs() if p.lead) >= 15


@pytest.mark.parametrize("mutate, path, fragment", [
    (lambda d: d.pop("place"), "place", "缺少"),
    (lambda d: d.__setitem__("year", "2024"), "year", "整数"),
    (lambda d: d["targets"][1].__setitem__("value", "21.2"), "targets[1].value", "数字"),
    (lambda d: d["chapters"][0].__setitem__("sections", {}), "chapters[0].sections", "列表"),
    (lambda d: d.__setitem__("schema", 2), "schema", "版本"),
    (lambda d: d.__setitem__("status", "done"), "status", "draft"),
    (lambda d: d["chapters"][1]["sections"][0]["paragraphs"][0].__setitem__("lead", 5),
     "chapters[1].sections[0].paragraphs[0].lead", "文字"),
])
def test_bad_document_names_the_field(mutate, path, fragment):
    data = example_dict(2023)
    mutate(data)
    with pytest.raises(ModelError) as info:
        Report.from_dict(data)
    assert info.value.path == path
    assert fragment in str(info.value)


def test_not_an_object():
    with pytest.raises(ModelError):
        Report.from_dict([1, 2])
    with pytest.raises(json.JSONDecodeError):
        Report.from_json("{")
