"""The map's legend (ikt_model.overview.map_legend): categories, colours, order and the explanation."""

from __future__ import annotations

from ikt_model.overview import map_legend as legend
from ikt_model.overview import map_summary
from tests.overview.map_rows import small_rows


def test_categories_by_form_and_by_collaboration():
    summary = {r["kommunenummer"]: r for r in map_summary.municipality_summary(small_rows()).to_dict("records")}
    assert legend.category_of(summary["0301"], "form") == legend.NONE_LABEL
    assert legend.category_of(summary["0935"], "form") == "§ 27-samarbeid"  # two collaborations, same form
    assert legend.category_of(summary["0906"], "form") == "IKS"
    assert legend.category_of(summary["0935"], "collaboration") == legend.SEVERAL_COLLABORATIONS
    assert legend.category_of(summary["1001"], "collaboration") == "KR-IKT"
    mixed = {**summary["0935"], "former": ["iks", "par27"]}
    assert legend.category_of(mixed, "form") == legend.SEVERAL_FORMS


def test_colours_are_distinct_for_41_collaborations_and_fixed_for_forms():
    names = [f"Samarbeid {i:02d}" for i in range(41)] + [legend.NONE_LABEL, legend.SEVERAL_COLLABORATIONS]
    colors = legend.category_colors(names, "collaboration")
    assert len({colors[n] for n in names[:41]}) == 41
    assert colors[legend.NONE_LABEL] == legend.NONE_COLOR
    form_colors = legend.category_colors(["IKS", "§ 27-samarbeid", legend.NONE_LABEL], "form")
    assert form_colors["IKS"] == legend.FORM_COLORS["iks"]
    assert form_colors["§ 27-samarbeid"] == legend.FORM_COLORS["par27"]


def test_legend_order_follows_the_forms_then_several_then_none():
    order = legend.category_order([legend.NONE_LABEL, "IKS", "§ 27-samarbeid", legend.SEVERAL_FORMS], "form")
    assert order == ["§ 27-samarbeid", "IKS", legend.SEVERAL_FORMS, legend.NONE_LABEL]


def test_legend_text_follows_the_colouring():
    assert "én organisasjonsform" in legend.legend_text("form") and legend.SEVERAL_FORMS in legend.legend_text("form")
    text = legend.legend_text("collaboration")
    assert "ett samarbeid" in text and legend.SEVERAL_COLLABORATIONS in text and legend.NONE_LABEL in text

