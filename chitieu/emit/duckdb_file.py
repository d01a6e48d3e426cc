"""OUT/chitieu.duckdb: the dataset's Parquet tables as DuckDB views, for people who query
with SQL (`duckdb OUT/chitieu.duckdb -c "select * from records"`).

The views read the Parquet files by their absolute paths, so the database opens from any
folder; each `convert` that rewrites the tables rewrites it (a moved folder is fixed by the
next run). Nothing is copied: the Parquet files stay the data. DuckDB is optional (the
`review` extra); without it no database file is written.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from chitieu.emit.files import atomic_path

DUCKDB_NAME = "chitieu.duckdb"
# the tables a dataset may hold: the three of every batch, and the indicator catalog (v1.1)
VIEW_NAMES = ("documents", "records", "assignments", "indicators")


def duckdb_available() -> bool:
    return importlib.util.find_spec("duckdb") is not None


def create_views(connection, out_dir: str | Path, *, row_numbers: bool = False) -> list[str]:
    """A view per Parquet table present in `out_dir`; returns their names. With
    `row_numbers`, each view has a `_row` column: the row's position in its file, to keep
    the tables' order (documents in order, records in printed order)."""
    created = []
    for name in VIEW_NAMES:
        path = Path(out_dir).resolve() / f"{name}.parquet"
        if not path.is_file():
            continue
        literal = str(path).replace("'", "''")
        if row_numbers:
            source = (f"SELECT * EXCLUDE (file_row_number), file_row_number AS _row "
                      f"FROM read_parquet('{literal}', file_row_number = true)")
        else:
            source = f"SELECT * FROM read_parquet('{literal}')"
        connection.execute(f'CREATE OR REPLACE VIEW "{name}" AS {source}')
        created.append(name)
    return created


def write_duckdb(out_dir: str | Path) -> Path | None:
    """Write OUT/chitieu.duckdb (atomically) with a view per Parquet table; None when
    DuckDB is not installed."""
    if not duckdb_available():
        return None
    import duckdb

    target = Path(out_dir) / DUCKDB_NAME
    with atomic_path(target) as temporary:
        connection = duckdb.connect(str(temporary))
        try:
            create_views(connection, out_dir)
        finally:
            connection.close()
        Path(f"{temporary}.wal").unlink(missing_ok=True)
    return target
