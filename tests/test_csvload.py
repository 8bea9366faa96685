"""CSV rows into pydantic models; a bad file names file, row and field in Norwegian."""

import pytest
from pydantic import BaseModel, Field

from ikt_model.csvload import DataFileError, read_rows


class Row(BaseModel):
    id: str
    score: int = Field(ge=-2, le=2)
    note: str | None = None


def test_rows_are_validated_and_empty_cells_are_none(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("id,score,note\na,1,\nb,-2,merknad\n", encoding="utf-8")
    assert read_rows(path, Row) == [Row(id="a", score=1), Row(id="b", score=-2, note="merknad")]


@pytest.mark.parametrize("text, message", [
    ("id,score\na,1\nb,5\n", "rows.csv, rad 3, felt «score»: "),        # the header is row 1
    ("id,note\na,x\n", "rows.csv, rad 1, felt «score»: kolonnen mangler i overskriftsraden"),
])
def test_bad_rows_name_file_row_and_field(tmp_path, text, message):
    path = tmp_path / "rows.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        read_rows(path, Row)
    assert str(info.value).startswith(message)


def test_missing_file(tmp_path):
    with pytest.raises(DataFileError, match="nope.csv: filen finnes ikke"):
        read_rows(tmp_path / "nope.csv", Row)
