"""Ingest (`chitieu review --inputs DIR`): an uploaded plan is converted by the batch code
and appears; a file that fails shows its one-line error; uploads are size-limited and keep
no path. And the static export that opens from disk."""

import time

import pytest
from fastapi.testclient import TestClient
from review_helpers import PDF, SCRIPT_NAME, TEXT, convert_into

from chitieu.review.app import Settings, create_app
from chitieu.review.serve import write_static


def _wait(client, predicate, seconds: float = 60.0) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status = client.get("/ingest").json()
        if predicate(status):
            return status
        time.sleep(0.2)
    raise AssertionError(f"ingest did not finish: {status}")


def test_an_uploaded_plan_is_converted_and_a_bad_one_shows_its_error(tmp_path):
    inputs, out = tmp_path / "inbox", tmp_path / "out"
    settings = Settings(out, inputs=inputs, max_upload=64 * 1024)
    with TestClient(create_app(settings)) as client:
        assert client.get("/ingest").json()["documents"] == 0
        response = client.post("/upload", files={"file": ("../../kế hoạch.txt",
                                                          TEXT.read_bytes())},
                               follow_redirects=False)
        assert response.status_code == 303
        assert [p.name for p in inputs.iterdir()] == ["kế hoạch.txt"]
        status = _wait(client, lambda s: s["documents"] == 1 and not s["busy"])
        assert not status["failed"]
        page = client.get("/").text
        assert "kế hoạch.json" in page and "0/45" in page
        # a file with no table: its one-line error, and the good one stays
        client.post("/upload", files={"file": ("empty-plan.txt", b"Chi co mot dong chu.\n")})
        status = _wait(client, lambda s: s["failed"] and not s["busy"])
        [failure] = status["failed"]
        assert failure["name"] == "empty-plan.txt" and "\n" not in failure["error"]
        assert failure["error"]
        assert status["documents"] == 1
        assert "empty-plan.txt" in client.get("/").text
        too_big = client.post("/upload", files={"file": ("big.txt", b"x" * 200 * 1024)})
        assert too_big.status_code == 413
        assert not (inputs / "big.txt").exists()


def test_a_file_dropped_into_the_folder_is_converted(tmp_path):
    inputs, out = tmp_path / "inbox", tmp_path / "out"
    with TestClient(create_app(Settings(out, inputs=inputs))) as client:
        (inputs / TEXT.name).write_bytes(TEXT.read_bytes())
        _wait(client, lambda s: s["documents"] == 1 and not s["busy"])


def test_the_static_export_is_self_contained(tmp_path):
    out = convert_into(tmp_path, [TEXT, PDF], hostile=True)
    folder = write_static(out)
    index = (folder / "index.html").read_text(encoding="utf-8")
    pages = sorted(folder.glob("doc-*.html"))
    assert len(pages) == 3 and all(p.name in index for p in pages)
    assert 'href="/' not in index and 'src="/' not in index
    assert len(list((folder / "pages").rglob("*.png"))) == 1  # the PDF's one page
    html = "".join(p.read_text(encoding="utf-8") for p in pages)
    assert SCRIPT_NAME not in html and "<form" not in html
    assert (folder / "static" / "review.js").is_file()


@pytest.fixture(autouse=True)
def _fast_poll(monkeypatch):
    monkeypatch.setattr("chitieu.review.ingest.POLL_SECONDS", 0.2)


def test_the_review_command_refuses_what_it_cannot_serve(tmp_path, capsys):
    from chitieu.cli import main

    assert main(["review", str(tmp_path / "nothing")]) == 2
    assert "not a converted output folder" in capsys.readouterr().err
    out = convert_into(tmp_path, [TEXT])
    (out / "corrections.jsonl").write_text("{\n{}\n", encoding="utf-8")
    assert main(["review", str(out), "--static"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "line 1 is not a correction" in err[0]
    (out / "corrections.jsonl").unlink()
    assert main(["review", str(out), "--static"]) == 0
    assert (out / "review" / "index.html").is_file()
