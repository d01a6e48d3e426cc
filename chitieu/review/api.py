"""The read-only JSON API over the dataset, for other systems: documents, records,
assignments, indicators, answered by DuckDB straight from OUT's Parquet tables (embedded:
nothing to install or start). Rows are the tables' rows, column for column."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from chitieu.emit.duckdb_file import create_views
from chitieu.review.workspace import file_stamp

MAX_LIMIT = 100_000
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="rows at most")]
Offset = Annotated[int, Query(ge=0, description="rows to skip")]


class Tables:
    """An in-memory DuckDB with a view per Parquet table of OUT. A request gets its own
    cursor (DuckDB connections are not shared across threads); the views read the files
    at each query, so a convert run that replaces them is seen at once."""

    def __init__(self, out_dir: Path) -> None:
        import duckdb

        self.out_dir = out_dir
        self._connection = duckdb.connect(":memory:")
        self._lock = threading.Lock()
        self._views: tuple[tuple, list[str]] | None = None

    def query(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        views = self._refresh()
        cursor = self._connection.cursor()
        try:
            if not all(name in views for name in _tables_in(sql)):
                raise HTTPException(404, "the dataset has no such table yet: convert with "
                                         "--format parquet")
            result = cursor.execute(sql, params)
            names = [column[0] for column in result.description]
            return [_row(names, values) for values in result.fetchall()]
        finally:
            cursor.close()

    def columns(self, table: str) -> set[str]:
        views = self._refresh()
        if table not in views:
            return set()
        cursor = self._connection.cursor()
        try:
            return {row[0] for row in cursor.execute(f'DESCRIBE "{table}"').fetchall()}
        finally:
            cursor.close()

    def _refresh(self) -> list[str]:
        stamp = tuple(file_stamp(self.out_dir / f"{name}.parquet")
                      for name in ("documents", "records", "assignments", "indicators"))
        with self._lock:
            if self._views is None or self._views[0] != stamp:
                self._views = (stamp, create_views(self._connection, self.out_dir,
                                                   row_numbers=True))
            return self._views[1]


def _tables_in(sql: str) -> list[str]:
    return [name for name in ("documents", "records", "assignments", "indicators")
            if f'"{name}"' in sql]


def _row(names: list[str], values: tuple) -> dict[str, Any]:
    return {name: _plain(value) for name, value in zip(names, values, strict=True)
            if name != "_row"}


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def api_router(tables: Tables) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["dataset"])

    @router.get("/documents", summary="Documents (one per input)")
    def documents(locality: str | None = None, province: str | None = None,
                  limit: Limit = 1000, offset: Offset = 0) -> list[dict[str, Any]]:
        """Rows of documents.parquet; `locality` matches the locality's name or code,
        `province` the province's name."""
        where, params = _locality_filter("d", locality, province)
        return tables.query(f'SELECT d.* FROM "documents" d {_where(where)} '
                            "ORDER BY d._row LIMIT ? OFFSET ?", [*params, limit, offset])

    @router.get("/documents/{doc_id}", summary="One document")
    def document(doc_id: str) -> dict[str, Any]:
        rows = tables.query('SELECT * FROM "documents" WHERE doc_id = ?', [doc_id])
        if not rows:
            raise HTTPException(404, f"no document {doc_id}")
        return rows[0]

    @router.get("/records", summary="Records (one per row of a plan's table)")
    def records(doc_id: str | None = None, locality: str | None = None,
                province: str | None = None, indicator: str | None = None,
                agency: str | None = None, warning: str | None = None,
                limit: Limit = 1000, offset: Offset = 0) -> list[dict[str, Any]]:
        """Rows of records.parquet, in the dataset's order. `agency` matches an agency id
        or name among the record's assignments, `warning` a warning code, `indicator` the
        catalog indicator id (datasets converted with the catalog)."""
        where, params = _locality_filter("d", locality, province)
        if doc_id:
            where.append("r.doc_id = ?")
            params.append(doc_id)
        if indicator:
            if "indicator_id" not in tables.columns("records"):
                raise HTTPException(400, "this dataset has no indicator links")
            where.append("r.indicator_id = ?")
            params.append(indicator)
        if agency:
            where.append('EXISTS (SELECT 1 FROM "assignments" a WHERE a.doc_id = r.doc_id '
                         "AND a.key = r.key AND (a.agency_id = ? OR a.agency_name = ?))")
            params += [agency, agency]
        if warning:
            where.append("EXISTS (SELECT 1 FROM (SELECT unnest(r.warnings) AS w) "
                         "WHERE split_part(w, ':', 1) = ?)")
            params.append(warning)
        join = 'JOIN "documents" d ON d.doc_id = r.doc_id' if locality or province else ""
        return tables.query(f'SELECT r.* FROM "records" r {join} {_where(where)} '
                            "ORDER BY r._row LIMIT ? OFFSET ?", [*params, limit, offset])

    @router.get("/assignments", summary="Assignments (one per record × agency)")
    def assignments(doc_id: str | None = None, agency: str | None = None,
                    limit: Limit = 1000, offset: Offset = 0) -> list[dict[str, Any]]:
        where, params = [], []
        if doc_id:
            where.append("doc_id = ?")
            params.append(doc_id)
        if agency:
            where.append("(agency_id = ? OR agency_name = ?)")
            params += [agency, agency]
        return tables.query(f'SELECT * FROM "assignments" {_where(where)} '
                            "ORDER BY _row LIMIT ? OFFSET ?", [*params, limit, offset])

    @router.get("/indicators", summary="The indicator catalog")
    def indicators(limit: Limit = 1000, offset: Offset = 0) -> list[dict[str, Any]]:
        """Rows of indicators.parquet, written by a convert with the indicator catalog."""
        return tables.query('SELECT * FROM "indicators" ORDER BY _row LIMIT ? OFFSET ?',
                            [limit, offset])

    return router


def _locality_filter(alias: str, locality: str | None,
                     province: str | None) -> tuple[list[str], list[Any]]:
    where, params = [], []
    if locality:
        where.append(f"({alias}.locality_name = ? OR {alias}.locality_code = ?)")
        params += [locality, locality]
    if province:
        where.append(f"{alias}.locality_province = ?")
        params.append(province)
    return where, params


def _where(conditions: list[str]) -> str:
    return f"WHERE {' AND '.join(conditions)}" if conditions else ""
