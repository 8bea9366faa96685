"""Load CSV rows into pydantic models with errors that name file, row and field."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


class DataFileError(ValueError):
    """A source data file is malformed. The message names file, row and field."""

    def __init__(self, path: Path, row: int | None, field: str | None, problem: str):
        self.path, self.row, self.field, self.problem = path, row, field, problem
        where = f"{path.name}"
        if row is not None:
            where += f", rad {row}"
        if field:
            where += f", felt «{field}»"
        super().__init__(f"{where}: {problem}")


def read_rows(path: Path, model: type[M]) -> list[M]:
    """Every data row of `path` as `model`; row numbers count the header as row 1."""
    if not path.exists():
        raise DataFileError(path, None, None, "filen finnes ikke")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [f for f, info in model.model_fields.items()
                   if info.is_required() and f not in (reader.fieldnames or [])]
        if missing:
            raise DataFileError(path, 1, missing[0], "kolonnen mangler i overskriftsraden")
        rows = []
        for line_no, raw in enumerate(reader, start=2):
            values = {k: (v if v != "" else None) for k, v in raw.items() if k is not None}
            try:
                rows.append(model.model_validate(values))
            except ValidationError as exc:
                err = exc.errors()[0]
                field = ".".join(str(p) for p in err["loc"]) or None
                raise DataFileError(path, line_no, field, err["msg"]) from None
    return rows
