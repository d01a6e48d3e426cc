"""Running the app (uvicorn on 127.0.0.1 by default) and exporting it as static files."""

from __future__ import annotations

import shutil
from pathlib import Path

from chitieu.review.app import Settings, create_app, document_context, index_context, templates
from chitieu.review.render import STATIC_LINKS
from chitieu.review.source import page_image
from chitieu.review.workspace import Workspace

STATIC_FOLDER = "review"


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8765) -> None:
    import uvicorn

    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning",
                access_log=False)


def write_static(out_dir: Path) -> Path:
    """OUT/review/: index.html, a page per document, the page images and the CSS/JS, all
    linked relatively, so the folder opens from disk (or a share) without a server.
    Read-only: corrections are made in the served app."""
    workspace = Workspace(out_dir)
    target = workspace.out_dir / STATIC_FOLDER
    env, links = templates(), STATIC_LINKS
    shutil.copytree(Path(__file__).parent / "static", target / "static", dirs_exist_ok=True)
    rows = [(entry, *workspace.progress(entry)) for entry in workspace.entries().values()]
    _write(target / "index.html", env.get_template("index.html").render(
        static=True, links=links, ingest=None, **index_context(workspace, rows)))
    for entry, _, _ in rows:
        context = document_context(workspace, entry)
        for page in context["pages"]:
            image = page_image(context["doc"], context["input_found"], page.number,
                               workspace.cache_dir(entry))
            copy = target / links.page(entry.doc_id, page.number)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(image, copy)
        _write(target / links.doc(entry.doc_id), env.get_template("document.html").render(
            static=True, links=links, **context))
    return target


def _write(path: Path, html: str) -> None:
    from chitieu.emit.files import write_bytes_atomic

    write_bytes_atomic(path, html.encode("utf-8"))
