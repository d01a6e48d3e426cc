"""`chitieu review OUT`: a converted output folder as a local web app (documents beside
their records, corrections that survive re-runs, ingest, a read-only JSON API), or with
`--static` as a self-contained folder OUT/review/ that opens from disk.

Needs the `review` extra (FastAPI, uvicorn, Jinja2, DuckDB): pip install 'chitieu[review]'.
"""

from __future__ import annotations

# the modules `chitieu review` needs (the `review` extra), checked before it starts
REVIEW_PACKAGES = ("fastapi", "uvicorn", "jinja2", "duckdb", "multipart")

