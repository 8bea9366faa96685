"""The map's legend («Kart»): what a municipality's colour means, by organisation form or by collaboration.

A municipality falls in one category (`category_of`): its form or its collaboration, «several» when it is in
more than one (of different forms), «none» when it is in no collaboration of the overview. Forms have fixed
colours (the report's forms, or the 2026 forms of an uploaded version), collaborations a palette in name
order; the legend lists forms in the report's order, then «several», then «none». Everything here is pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from .forms import FORM_LABELS_2026, FORMS_2026
from .source import FORM_IDS, FORM_LABELS

ColorBy = Literal["form", "collaboration"]

COLOR_BY_LABELS: dict[str, str] = {"form": "Organisasjonsform", "collaboration": "Samarbeid"}

FORM_COLORS: dict[str, str] = {
    "par27": "#1f5f8b",
    "vertskommune": "#e07b39",
    "iks": "#2e8b57",
    "as": "#8e44ad",
    "samkommune": "#c0392b",
    "samarbeidsavtaler": "#b7950b",
    # 2026 forms (uploaded versions of the overview); the report's colour where the form continues
    "ko": "#1f5f8b",
    "vertskommune_adm": "#e07b39",
    "vertskommune_nemnd": "#a04000",
    "sa": "#17a589",
    "avtale": "#b7950b",
}
SEVERAL_FORMS = "Flere organisasjonsformer"
SEVERAL_COLLABORATIONS = "Flere samarbeid"
NONE_LABEL = "Ikke i oversikten (Vedlegg 5)"
NONE_LABEL_UPLOADED = "Ikke i oversikten"  # uploaded versions (`uploaded=True` below)
SEVERAL_COLOR = "#2c3e50"
NONE_COLOR = "#e3e7ec"

# 41 collaborations need many distinct colours: plotly's qualitative "Alphabet" and "Dark24" palettes.
COLLABORATION_PALETTE: tuple[str, ...] = (
    "#AA0DFE", "#3283FE", "#85660D", "#782AB6", "#1C8356", "#16FF32", "#F7E1A0",
    "#1CBE4F", "#C4451C", "#DEA0FD", "#FE00FA", "#325A9B", "#FEAF16", "#F8A19F", "#90AD1C", "#F6222E",
    "#1CFFCE", "#2ED9FF", "#B10DA1", "#C075A6", "#FC1CBF", "#B00068", "#FBE426", "#FA0087",
    "#2E91E5", "#E15F99", "#1CA71C", "#FB0D0D", "#DA16FF", "#B68100", "#750D86", "#EB663B",
    "#511CFB", "#00A08B", "#FB00D1", "#FC0080", "#B2828D", "#6C7C32", "#778AAE", "#862A16", "#A777F1",
    "#620042", "#1616A7", "#DA60CA", "#6C4516", "#0D2A63", "#AF0038",
)


def _none_label(uploaded: bool) -> str:
    return NONE_LABEL_UPLOADED if uploaded else NONE_LABEL


def legend_text(color_by: ColorBy, uploaded: bool = False) -> str:
    """The explanation under the map (Norwegian); `uploaded`: an uploaded version of the overview."""
    if uploaded:
        head = ("Forklaring: hver farge er én organisasjonsform (slik den er oppgitt i versjonen). "
                if color_by == "form" else "Forklaring: hver farge er ett samarbeid. ")
        several = SEVERAL_FORMS if color_by == "form" else SEVERAL_COLLABORATIONS
        return (f"{head}«{several}»: kommunen er med i flere. Lys grå: «{NONE_LABEL_UPLOADED}». Klikk i "
                "tegnforklaringen for å skjule eller vise en kategori.")
    if color_by == "form":
        head = (f"Forklaring: hver farge er én organisasjonsform (som normalisert fra Vedlegg 5). "
                f"«{SEVERAL_FORMS}»: kommunen er med i flere samarbeid med ulik form.")
    else:
        head = f"Forklaring: hver farge er ett samarbeid. «{SEVERAL_COLLABORATIONS}»: kommunen er med i mer enn ett."
    return (f"{head} Lys grå: «{NONE_LABEL}». Klikk i tegnforklaringen for å skjule eller vise en kategori. "
            "Fylkeskommuner (Aust-Agder i IKT Agder) vises ikke i kartet.")


def form_label(form: str | None, uploaded: bool = False) -> str:
    """Label of a form id: the report's labels, or the 2026 labels for an uploaded version."""
    first, second = (FORM_LABELS_2026, FORM_LABELS) if uploaded else (FORM_LABELS, FORM_LABELS_2026)
    return first.get(form or "") or second.get(form or "", form or "")


def category_of(summary_row: Mapping[str, Any], color_by: ColorBy, uploaded: bool = False) -> str:
    """The legend category of one municipality."""
    if color_by == "form":
        forms = summary_row["former"]
        if not forms:
            return _none_label(uploaded)
        return form_label(forms[0], uploaded) if len(forms) == 1 else SEVERAL_FORMS
    names = summary_row["samarbeid"]
    if not names:
        return _none_label(uploaded)
    return names[0] if len(names) == 1 else SEVERAL_COLLABORATIONS


def category_colors(categories: list[str], color_by: ColorBy, uploaded: bool = False) -> dict[str, str]:
    """A stable colour for every category (forms: fixed colours; collaborations: palette in name order)."""
    fixed = {_none_label(uploaded): NONE_COLOR, SEVERAL_FORMS: SEVERAL_COLOR, SEVERAL_COLLABORATIONS: SEVERAL_COLOR}
    if color_by == "form":
        ids = FORMS_2026 if uploaded else FORM_IDS
        fixed |= {form_label(k, uploaded): FORM_COLORS[k] for k in ids}
    colors: dict[str, str] = {}
    others = sorted(c for c in set(categories) if c not in fixed)
    for i, name in enumerate(others):
        colors[name] = COLLABORATION_PALETTE[i % len(COLLABORATION_PALETTE)]
    return colors | {c: fixed[c] for c in set(categories) if c in fixed}


def category_order(categories: list[str], color_by: ColorBy, uploaded: bool = False) -> list[str]:
    """Legend order: forms in the report's order (2026 forms for an uploaded version; or collaborations by
    name), then «several», then «none»."""
    present = set(categories)
    none = _none_label(uploaded)
    if color_by == "form":
        head = [form_label(k, uploaded) for k in (FORMS_2026 if uploaded else FORM_IDS)
                if form_label(k, uploaded) in present]
    else:
        head = sorted(c for c in present if c not in (SEVERAL_COLLABORATIONS, none, SEVERAL_FORMS))
    tail = [c for c in (SEVERAL_FORMS, SEVERAL_COLLABORATIONS, none) if c in present]
    return head + [c for c in sorted(present) if c not in head and c not in tail] + tail
