"""The review web app: documents beside their records, corrections, ingest, and the JSON API.

Server-rendered HTML (Jinja2, every value escaped) with one small plain-JS file; no CDN, no
build step. It reads OUT as `chitieu convert` wrote it and writes only two things there:
the corrections log (OUT/corrections.jsonl) and the page-image cache (OUT/.review-cache).
"""

from __future__ import annotations

import contextlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from chitieu.corrections import (
    EDITABLE_FIELDS,
    Correction,
    CorrectionRefused,
    CorrectionsError,
    NameLookup,
    check_correction,
    known_names,
    now,
    parse_value,
)
from chitieu.review import render
from chitieu.review.api import Tables, api_router
from chitieu.review.source import page_image, page_sizes, source_kind, text_lines
from chitieu.review.workspace import Entry, Workspace

HERE = Path(__file__).resolve().parent
DEFAULT_MAX_UPLOAD = 50 * 1024 * 1024
_SECURITY_HEADERS = {
    # no script but our own file; inline style attributes place the boxes
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; "
                               "style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                               "frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # "no-referrer" would make a form post Origin: null
}


@dataclass
class Settings:
    out_dir: Path
    inputs: Path | None = None
    gazetteer: list[Path] = field(default_factory=list)
    max_upload: int = DEFAULT_MAX_UPLOAD


def templates() -> Environment:
    env = Environment(loader=PackageLoader("chitieu.review", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    render.register(env)
    return env


def create_app(settings: Settings) -> FastAPI:
    from chitieu.pipeline import load_gazetteer

    names = known_names(load_gazetteer(settings.gazetteer))
    workspace = Workspace(settings.out_dir, names)
    env = templates()
    ingest = None
    if settings.inputs is not None:
        from chitieu.review.ingest import Ingest

        ingest = Ingest(settings.inputs, settings.out_dir, settings.gazetteer)
    app = FastAPI(title="chitieu dataset API", version="1",
                  description="Read-only access to a converted chitieu dataset: documents, "
                              "records, assignments and the indicator catalog, answered "
                              "by DuckDB from the Parquet tables.",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.state.workspace, app.state.ingest = workspace, ingest
    app.include_router(api_router(Tables(workspace.out_dir)))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = env.get_template(name).render(static=False, links=render.SERVER_LINKS,
                                             **context)
        return HTMLResponse(html, status_code=status)

    @app.middleware("http")
    async def guard(request: Request, call_next):
        # a page of another site cannot post corrections or uploads to this one
        if request.method not in ("GET", "HEAD") and not _same_origin(request):
            return Response("cross-site request refused", status_code=403)
        response = await call_next(request)
        for name, value in _SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def not_found(request: Request, exc: StarletteHTTPException) -> Response:
        # the API answers JSON; a person gets a page saying what is missing
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return page("error.html", exc.status_code, title=f"{exc.status_code} — not served",
                    message=str(exc.detail))

    @app.exception_handler(CorrectionsError)
    async def malformed_log(request: Request, exc: CorrectionsError) -> HTMLResponse:
        return page("error.html", 500, title="The corrections file is malformed",
                    message=str(exc))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> HTMLResponse:
        rows = [(entry, *workspace.progress(entry)) for entry in workspace.entries().values()]
        return page("index.html", **index_context(workspace, rows),
                    ingest=ingest.status() if ingest else None,
                    max_upload_mb=settings.max_upload // (1024 * 1024))

    @app.get("/doc/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document(doc_id: str) -> HTMLResponse:
        entry = _entry(workspace, doc_id)
        return page("document.html", **document_context(workspace, entry))

    @app.get("/doc/{doc_id}/page/{number}.png", include_in_schema=False)
    def page_png(doc_id: str, number: int) -> FileResponse:
        entry = _entry(workspace, doc_id)
        path = workspace.input_file(entry)
        doc = workspace.document(entry)
        if path is None or source_kind(doc) != "pages":
            raise HTTPException(404, "no page images for this document")
        try:
            image = page_image(doc, path, number, workspace.cache_dir(entry))
        except LookupError as exc:
            raise HTTPException(404, str(exc)) from None
        return FileResponse(image, media_type="image/png",
                            headers={"Cache-Control": "private, max-age=3600"})

    @app.post("/doc/{doc_id}/corrections", include_in_schema=False)
    async def correct(doc_id: str, request: Request) -> Response:
        entry = _entry(workspace, doc_id)
        form = await request.form(max_files=0, max_fields=20)
        values = {name: str(value) for name, value in form.items()}
        try:
            correction = build_correction(workspace, entry, values, names)
        except CorrectionRefused as exc:
            context = document_context(workspace, entry)
            return page("document.html", 422, error=str(exc), form=values, **context)
        workspace.add_correction(correction)
        return RedirectResponse(f"/doc/{doc_id}?saved={_quote(correction.key)}",
                                status_code=303)

    @app.get("/files/{relative:path}", include_in_schema=False)
    def out_file(relative: str) -> FileResponse:
        try:
            path = workspace.inside(relative)
        except ValueError:
            raise HTTPException(404, "no such file in the output folder") from None
        if not path.is_file():
            raise HTTPException(404, "no such file in the output folder")
        return FileResponse(path)

    @app.get("/api/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return page("api_docs.html", spec=app.openapi())

    if ingest is not None:
        _ingest_routes(app, ingest, settings, page)
        app.router.on_startup.append(ingest.start)
        app.router.on_shutdown.append(ingest.stop)
    return app


def _ingest_routes(app: FastAPI, ingest, settings: Settings, page) -> None:
    @app.post("/upload", include_in_schema=False)
    async def upload(request: Request) -> Response:
        length = request.headers.get("content-length")
        if length is None or not length.isdigit():
            return page("error.html", 411, title="Upload refused",
                        message="the upload must say its length")
        if int(length) > settings.max_upload + 64 * 1024:
            return page("error.html", 413, title="Upload refused",
                        message=f"the file is larger than the limit of "
                                f"{settings.max_upload // (1024 * 1024)} MB")
        form = await request.form(max_files=1, max_fields=2)
        item = form.get("file")
        if item is None or isinstance(item, str) or not item.filename:
            return page("error.html", 400, title="Upload refused", message="no file chosen")
        try:
            ingest.save(item.filename, await item.read(settings.max_upload + 1),
                        settings.max_upload)
        except ValueError as exc:
            return page("error.html", 400, title="Upload refused", message=str(exc))
        return RedirectResponse("/", status_code=303)

    @app.get("/ingest", include_in_schema=False)
    def ingest_status() -> JSONResponse:
        return JSONResponse({**ingest.status(),
                             "documents": len(app.state.workspace.entries())})


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin or origin == "null":
        return origin is None  # a form from a file:// page or a sandbox says "null"
    return urlsplit(origin).netloc == request.headers.get("host")


def _entry(workspace: Workspace, doc_id: str) -> Entry:
    entry = workspace.entry(doc_id)
    if entry is None:
        raise HTTPException(404, "no such document in this output folder")
    return entry


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")


# -- page contexts (shared with the static export) ----------------------------------------


def index_context(workspace: Workspace, rows: list[tuple[Entry, int, int]]) -> dict[str, Any]:
    report = {}
    with contextlib.suppress(OSError, ValueError):
        import json

        report = json.loads((workspace.out_dir / "report.json").read_text(encoding="utf-8"))
    return {"rows": rows, "out_dir": workspace.out_dir,
            "failed": report.get("failed") or [],
            "corrections_report": report.get("corrections") or {},
            "records_total": sum(entry.records for entry, _, _ in rows),
            "reviewed_total": sum(done for _, done, _ in rows)}


def document_context(workspace: Workspace, entry: Entry) -> dict[str, Any]:
    review = workspace.review(entry)
    doc = review.document
    kind = source_kind(doc)
    path = workspace.input_file(entry)
    context: dict[str, Any] = {
        "entry": entry, "review": review, "doc": doc, "kind": kind, "input_found": path,
        "pages": [], "lines": [], "editable_fields": EDITABLE_FIELDS,
        "records": list(zip(review.records, review.flags, strict=True)),
        "has_indicator": any("indicator" in record for record in review.records),
        **_filters(review.records, review.flags),
    }
    if path is None:
        return context
    if kind == "pages":
        context["pages"] = render.page_boxes(review.records, page_sizes(doc, path))
    elif kind == "text":
        context["lines"] = render.line_records(review.records, text_lines(path, doc))
    return context


def _filters(records: list[dict], flags: list[list]) -> dict[str, Any]:
    from chitieu.review.flags import warning_code

    warnings: Counter[str] = Counter()
    agencies: Counter[str] = Counter()
    sections: dict[str, str] = {}
    for record in records:
        warnings.update({warning_code(w) for w in record["warnings"]})
        agencies.update({a["name"] for a in record["agencies"]})
        if record["section"]:
            top = record["section"][0]
            sections.setdefault(top["number"], top["title"])
    return {"warning_codes": sorted(warnings.items()),
            "agency_names": sorted(agencies.items()),
            "sections": list(sections.items()),
            "flagged_count": sum(1 for f in flags if f)}


def build_correction(workspace: Workspace, entry: Entry, form: dict[str, str],
                     names: NameLookup) -> Correction:
    """A reviewer's form as a correction, checked against the document and the contract."""
    action = form.get("action", "")
    key = form.get("key", "").strip()
    reviewer = form.get("reviewer", "").strip()[:100] or None
    review = workspace.review(entry)
    current = next((r for r in review.records if r["key"] == key), None)
    base = {"document": entry.doc_id, "action": action, "time": now(), "reviewer": reviewer,
            "file": review.document.source.file}
    if action == "add":
        record, after = render.new_record(form, review.records)
        correction = Correction(key=record["key"], new=record, after=after, **base)
    elif action in ("edit", "verify", "delete"):
        if current is None:
            raise CorrectionRefused(f"no record {key!r} in this document")
        if action == "edit":
            field_path = form.get("field", "")
            new = parse_value(field_path, form.get("value"), names)
            from chitieu.corrections import get_value

            old = get_value(current, field_path)
            if old == new:
                raise CorrectionRefused(f"{field_path} already holds {new!r}")
            correction = Correction(key=key, field=field_path, old=old, new=new, **base)
        else:
            correction = Correction(key=key, **base)
    else:
        raise CorrectionRefused(f"unknown action {action!r}")
    check_correction(review.document, correction, names)
    return correction
