"""chitieu convert over folders: outputs, manifest, resumption, failures, executors."""

import fcntl
import hashlib
import json
import multiprocessing
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_helpers import (
    ROOT,
    SAMPLES,
    output_jsons,
    read_manifest,
    read_report,
    variation,
    write_inputs,
)

from chitieu import batch
from chitieu.batch import BatchOptions, collect_inputs, worker
from chitieu.cli import main, run_batch
from chitieu.emit.schema import validate


def convert(paths, out: Path, *, quiet: bool = True, **options) -> int:
    options.setdefault("workers", 1)
    return run_batch([Path(p) for p in paths], BatchOptions(output=out, **options), quiet=quiet)


def assert_valid_documents(out: Path) -> None:
    for path in output_jsons(out):
        assert validate(json.loads(path.read_text(encoding="utf-8"))) == [], path


# -- outputs -------------------------------------------------------------------------------


def test_converts_a_folder_in_parallel_mirroring_its_subfolders(tmp_path: Path) -> None:
    written = write_inputs(tmp_path / "in", 9, subfolders=3)
    out = tmp_path / "out"

    assert convert([tmp_path / "in"], out, workers=2) == 0

    expected = sorted(out / p.relative_to(tmp_path / "in").with_suffix(".json") for p in written)
    assert output_jsons(out) == expected
    assert_valid_documents(out)
    manifest = read_manifest(out)
    assert sorted(entry["input"] for entry in manifest) == sorted(str(p) for p in written)
    for entry in manifest:
        assert entry["sha256"] == hashlib.sha256(Path(entry["input"]).read_bytes()).hexdigest()
    report = read_report(out)
    assert report["run"] == {"inputs": 9, "converted": 9, "unchanged": 0, "failed": 0}
    assert report["failed"] == []
    assert report["dataset"]["documents"] == 9
    records = sum(len(json.loads(p.read_text("utf-8"))["records"]) for p in expected)
    assert report["dataset"]["records"] == records > 0


def test_parallel_output_is_identical_to_one_worker(inputs: Path, tmp_path: Path) -> None:
    convert([inputs], tmp_path / "one", workers=1)
    convert([inputs], tmp_path / "two", workers=2)
    one, two = output_jsons(tmp_path / "one"), output_jsons(tmp_path / "two")
    assert [p.name for p in one] == [p.name for p in two]
    assert [p.read_bytes() for p in one] == [p.read_bytes() for p in two]


def test_same_stem_twice_never_overwrites(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = SAMPLES[1].read_text(encoding="utf-8")
    (folder / "plan.txt").write_text(variation(text, 1), encoding="utf-8")
    (folder / "Plan.md").write_text(variation(text, 2), encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (other / "plan.txt").write_text(variation(text, 3), encoding="utf-8")

    assert convert([folder, other], tmp_path / "out") == 0
    assert convert([folder, other], tmp_path / "again") == 0

    names = [p.name for p in output_jsons(tmp_path / "out")]
    assert len(names) == 3 and "Plan.json" in names
    assert [p.name for p in output_jsons(tmp_path / "again")] == names  # deterministic
    numbers = {json.loads(p.read_text("utf-8"))["plan"]["number"]
               for p in output_jsons(tmp_path / "out")}
    assert numbers == {"1/KH-UBND", "2/KH-UBND", "3/KH-UBND"}


def test_an_input_keeps_its_name_when_a_same_stem_file_arrives(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_inputs(folder, 1)
    out = tmp_path / "out"
    convert([folder], out)
    first = (out / "plan_000.json").read_bytes()

    (folder / "plan_000.md").write_text(variation(SAMPLES[2].read_text("utf-8"), 9), "utf-8")
    assert convert([folder], out) == 0

    assert (out / "plan_000.json").read_bytes() == first
    assert len(output_jsons(out)) == 2


# -- finding inputs ------------------------------------------------------------------------


def test_walk_keeps_documents_by_content_and_skips_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_inputs(folder, 1)
    text = SAMPLES[0].read_bytes()
    (folder / "no_extension").write_bytes(text)                # text appendix, no suffix
    (folder / "scan.dat").write_bytes(b"%PDF-1.7\n" + b"\x00" * 64)  # a PDF by content
    (folder / "junk.bin").write_bytes(bytes(range(256)) * 4)   # binary, unknown suffix
    (folder / "notes.py").write_text("print('hi')\n")
    (folder / "old.json").write_text("{}")
    (folder / ".hidden.txt").write_bytes(text)
    (folder / ".git").mkdir()
    (folder / ".git" / "x.txt").write_bytes(text)
    previous = folder / "previous-output"                     # an older run's output
    previous.mkdir()
    (previous / "manifest.jsonl").write_text('{"chitieu_manifest":1}\n')
    (previous / "records.csv").write_text("doc_id,key\n")
    (folder / "out").mkdir()
    (folder / "out" / "x.txt").write_bytes(text)

    found = collect_inputs([folder], exclude=[folder / "out"])

    assert [p.name for p in found] == ["no_extension", "plan_000.txt", "scan.dat"]


def test_walk_keeps_libreoffice_files_by_name_and_by_content(tmp_path: Path) -> None:
    # .odt/.ods/.rtf in a folder were passed over without a word
    import zipfile

    folder = tmp_path / "in"
    folder.mkdir()
    for name, mimetype in (("plan.odt", "application/vnd.oasis.opendocument.text"),
                           ("table.ods", "application/vnd.oasis.opendocument.spreadsheet"),
                           ("odt_no_extension", "application/vnd.oasis.opendocument.text"),
                           ("drawing_no_extension", "application/vnd.oasis.opendocument.graphics")):
        with zipfile.ZipFile(folder / name, "w") as zf:
            zf.writestr("mimetype", mimetype)
            zf.writestr("content.xml", "<office:document-content/>")
    (folder / "plan.rtf").write_bytes(b"{\\rtf1\\ansi Ph\\'f9 l\\'f9c}")

    found = collect_inputs([folder])

    assert [p.name for p in found] == ["odt_no_extension", "plan.odt", "plan.rtf", "table.ods"]


def test_a_file_named_on_the_command_line_is_always_tried(tmp_path: Path) -> None:
    odd = tmp_path / "appendix.weird"
    odd.write_bytes(SAMPLES[0].read_bytes())
    assert collect_inputs([odd]) == [odd]
    assert convert([odd], tmp_path / "out") == 0
    assert (tmp_path / "out" / "appendix.json").is_file()


def test_a_file_named_twice_is_converted_once(inputs: Path, tmp_path: Path) -> None:
    assert convert([inputs, inputs / "plan_001.txt"], tmp_path / "out") == 0
    assert read_report(tmp_path / "out")["run"]["inputs"] == 6
    assert len(read_manifest(tmp_path / "out")) == 6


def test_output_folder_inside_the_input_is_not_read_back(inputs: Path) -> None:
    out = inputs / "out"
    assert convert([inputs], out, formats=["json", "csv"]) == 0
    assert convert([inputs], out, formats=["json", "csv"]) == 0
    assert read_report(out)["run"]["inputs"] == 6


# -- incremental runs ----------------------------------------------------------------------


def test_unchanged_rerun_converts_nothing(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert([inputs], out, workers=2)
    stamps = {p: p.stat().st_mtime_ns for p in output_jsons(out)}

    assert convert([inputs], out, workers=2) == 0

    assert read_report(out)["run"] == {"inputs": 6, "converted": 0, "unchanged": 6, "failed": 0}
    assert {p: p.stat().st_mtime_ns for p in output_jsons(out)} == stamps
    assert read_report(out)["dataset"]["documents"] == 6


def test_only_changed_and_new_files_are_converted(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert([inputs], out)
    changed = inputs / "plan_002.txt"
    changed.write_text(variation(changed.read_text("utf-8"), 777), encoding="utf-8")
    write_inputs(tmp_path / "more", 1, first=100)
    (tmp_path / "more" / "plan_000.txt").rename(inputs / "new.txt")

    assert convert([inputs], out) == 0

    assert read_report(out)["run"] == {"inputs": 7, "converted": 2, "unchanged": 5, "failed": 0}
    assert json.loads((out / "plan_002.json").read_text("utf-8"))["plan"]["number"] == "777/KH-UBND"
    entries = read_manifest(out)
    assert len(entries) == len({e["input"] for e in entries}) == 7


def test_touched_file_with_same_content_is_not_reconverted(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert([inputs], out)
    touched = inputs / "plan_001.txt"
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))

    convert([inputs], out)

    assert read_report(out)["run"]["converted"] == 0
    entry = next(e for e in read_manifest(out) if e["input"] == str(touched))
    assert entry["mtime_ns"] == touched.stat().st_mtime_ns  # next time: no hashing needed


def test_force_reconverts_everything(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert([inputs], out)
    assert convert([inputs], out, force=True) == 0
    assert read_report(out)["run"]["converted"] == 6
    assert len(read_manifest(out)) == 6


def test_a_deleted_json_is_written_again(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert([inputs], out)
    (out / "plan_003.json").unlink()
    convert([inputs], out)
    assert read_report(out)["run"]["converted"] == 1
    assert (out / "plan_003.json").is_file()


def test_another_gazetteer_reconverts(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert([inputs], out)
    extra = tmp_path / "agencies.csv"
    extra.write_text("id,name\nhtx-thu-nghiem,Hợp tác xã Thử Nghiệm\n", encoding="utf-8")
    convert([inputs], out, gazetteer=[extra])
    assert read_report(out)["run"]["converted"] == 6


# -- a killed run --------------------------------------------------------------------------


def test_killed_batch_resumes_with_nothing_lost_or_duplicated(tmp_path: Path) -> None:
    written = write_inputs(tmp_path / "in", 60, subfolders=2)
    out = tmp_path / "out"
    # both runs use one copy of the package: a change to it in between (its hash is part of
    # the manifest key) would rightly reconvert everything
    shutil.copytree(ROOT / "chitieu", tmp_path / "package" / "chitieu",
                    ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "package")}
    command = [sys.executable, "-m", "chitieu", "convert", str(tmp_path / "in"), "-o", str(out),
               "--workers", "2", "--quiet"]
    process = subprocess.Popen(command, cwd=tmp_path, env=env, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done_when_killed = 0
    try:
        deadline = time.monotonic() + 60
        while done_when_killed < 5 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
            done_when_killed = _manifest_entries(out / "manifest.jsonl")
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the batch and its workers, mid-write
        process.wait()
    assert 5 <= done_when_killed < 60, "the batch was not stopped midway"

    assert subprocess.run(command, cwd=tmp_path, env=env, check=False).returncode == 0

    run = read_report(out)["run"]
    assert run["unchanged"] >= done_when_killed and run["converted"] < 60
    assert run["unchanged"] + run["converted"] == 60
    expected = sorted(out / p.relative_to(tmp_path / "in").with_suffix(".json") for p in written)
    assert output_jsons(out) == expected
    assert_valid_documents(out)
    entries = read_manifest(out)
    assert sorted(e["input"] for e in entries) == sorted(str(p) for p in written)
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def _manifest_entries(path: Path) -> int:
    try:
        return max(0, path.read_bytes().count(b"\n") - 1)
    except FileNotFoundError:
        return 0


def test_a_torn_manifest_line_is_ignored_and_not_glued_to_the_next(inputs: Path,
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert([inputs], out)
    manifest = out / "manifest.jsonl"
    lines = manifest.read_text("utf-8").splitlines(keepends=True)
    torn = lines[-1][: len(lines[-1]) // 2]
    manifest.write_text("".join(lines[:-1]) + torn, encoding="utf-8")
    (out / ".plan_000.json.123.0123abcd.tmp").write_text("{half")

    assert convert([inputs], out) == 0

    assert read_report(out)["run"] == {"inputs": 6, "converted": 1, "unchanged": 5, "failed": 0}
    assert len(read_manifest(out)) == 6
    assert not (out / ".plan_000.json.123.0123abcd.tmp").exists()


# -- failures ------------------------------------------------------------------------------


def test_corrupt_files_are_reported_and_the_batch_goes_on(inputs: Path, tmp_path: Path,
                                                          capsys) -> None:
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "junk.txt").write_bytes(random.Random(3).randbytes(4096))
    (inputs / "no_table.txt").write_text("Kính gửi các phòng, ban.\nĐề nghị báo cáo.\n", "utf-8")
    (inputs / "fake.pdf").write_bytes(b"%PDF-1.4\nthis is not really a PDF\n")
    out = tmp_path / "out"

    code = main(["convert", str(inputs), "-o", str(out), "--workers", "2"])

    assert code == 1
    report = read_report(out)
    failed = {Path(f["input"]).name: f for f in report["failed"]}
    assert sorted(failed) == ["empty.txt", "fake.pdf", "junk.txt", "no_table.txt"]
    assert failed["empty.txt"]["code"] == "empty"
    assert all(f["error"] and "\n" not in f["error"] for f in failed.values())
    assert report["run"] == {"inputs": 10, "converted": 6, "unchanged": 0, "failed": 4}
    assert len(output_jsons(out)) == 6
    assert len(read_manifest(out)) == 6
    stderr = capsys.readouterr().err
    assert "6 converted, 0 unchanged, 4 failed" in stderr
    assert "fake.pdf" in stderr and str(out / "report.json") in stderr


def test_failed_files_are_tried_again_on_the_next_run(inputs: Path, tmp_path: Path) -> None:
    broken = inputs / "broken.txt"
    broken.write_bytes(b"")
    out = tmp_path / "out"
    assert convert([inputs], out) == 1
    broken.write_text(variation(SAMPLES[0].read_text("utf-8"), 99), encoding="utf-8")
    assert convert([inputs], out) == 0
    assert read_report(out)["run"] == {"inputs": 7, "converted": 1, "unchanged": 6, "failed": 0}


def test_a_file_that_breaks_keeps_its_earlier_json_and_says_so(inputs: Path,
                                                              tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert([inputs], out)
    earlier = (out / "plan_002.json").read_bytes()
    (inputs / "plan_002.txt").write_bytes(b"")

    assert convert([inputs], out) == 1

    [failure] = read_report(out)["failed"]
    assert failure["code"] == "empty" and failure["kept_output"] == "plan_002.json"
    assert (out / "plan_002.json").read_bytes() == earlier
    assert read_report(out)["dataset"]["documents"] == 6


def test_a_bug_on_odd_input_is_reported_with_its_traceback(inputs: Path, tmp_path: Path,
                                                           monkeypatch) -> None:
    from chitieu import pipeline

    real = pipeline.convert

    def flaky(path, **kwargs):
        if Path(path).name == "plan_004.txt":
            raise ZeroDivisionError("division by zero")
        return real(path, **kwargs)

    monkeypatch.setattr(pipeline, "convert", flaky)
    out = tmp_path / "out"

    assert convert([inputs], out) == 1

    [failure] = read_report(out)["failed"]
    assert failure["code"] == "internal"
    assert failure["error"] == "internal error: ZeroDivisionError: division by zero"
    assert "Traceback" in failure["traceback"]
    assert read_report(out)["run"]["converted"] == 5


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                    reason="the patched worker function reaches workers only when forked")
def test_a_file_that_kills_its_worker_fails_alone(tmp_path: Path, monkeypatch) -> None:
    write_inputs(tmp_path / "in", 12)
    crash = tmp_path / "in" / "plan_007.txt"
    real = worker.convert_file

    def fragile(job, out_dir, gazetteer=(), limits=None, catalog=()):
        if job.input == str(crash):
            os._exit(1)  # as a segfault in a C library would
        return real(job, out_dir, gazetteer, limits, catalog)

    monkeypatch.setattr(worker, "convert_file", fragile)
    out = tmp_path / "out"

    assert convert([tmp_path / "in"], out, workers=2) == 1

    report = read_report(out)
    assert [(f["input"], f["code"]) for f in report["failed"]] == [(str(crash), "worker_died")]
    assert report["run"]["converted"] == 11
    assert len(output_jsons(out)) == 11


# -- report --------------------------------------------------------------------------------


def test_report_counts_warnings_and_unmatched_agencies(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = SAMPLES[1].read_text(encoding="utf-8")
    unknown = "Công ty TNHH Quang Minh Zeta"
    lines = text.split("\n")
    rows = [i for i, line in enumerate(lines) if line.startswith(("1.1\t", "1.2\t"))]
    for i in rows:
        cells = lines[i].split("\t")
        cells[3] = unknown
        lines[i] = "\t".join(cells)
    (folder / "a.txt").write_text("\n".join(lines), encoding="utf-8")
    (folder / "b.txt").write_text(variation("\n".join(lines), 5), encoding="utf-8")
    out = tmp_path / "out"

    assert convert([folder], out) == 0

    dataset = read_report(out)["dataset"]
    assert {"name": unknown, "count": 4} in dataset["agency_unmatched"]
    assert dataset["warnings"]["agency_unmatched"] >= 4
    assert dataset["with_warnings"] == 2 and dataset["ok"] == 0


def test_summary_lines(inputs: Path, tmp_path: Path, capsys) -> None:
    convert([inputs], tmp_path / "out", quiet=False)
    err = capsys.readouterr().err
    assert "chitieu: 6 files: 6 converted, 0 unchanged, 0 failed" in err
    assert "6 documents" in err


def test_quiet_prints_nothing_when_all_went_well(inputs: Path, tmp_path: Path, capsys) -> None:
    assert main(["convert", str(inputs), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert capsys.readouterr().err == ""


# -- tables --------------------------------------------------------------------------------


def test_tables_follow_the_dataset(inputs: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    formats = ["json", "parquet", "csv", "jsonl"]
    convert([inputs], out, formats=formats)
    assert pq.read_table(out / "documents.parquet").num_rows == 6
    records = read_report(out)["dataset"]["records"]
    assert pq.read_table(out / "records.parquet").num_rows == records
    assert len((out / "records.jsonl").read_text("utf-8").splitlines()) == records

    stamp = (out / "records.parquet").stat().st_mtime_ns
    convert([inputs], out, formats=formats)
    assert (out / "records.parquet").stat().st_mtime_ns == stamp  # nothing changed

    write_inputs(tmp_path / "more", 1, first=100)
    (tmp_path / "more" / "plan_000.txt").rename(inputs / "seventh.txt")
    convert([inputs], out, formats=formats)
    assert pq.read_table(out / "documents.parquet").num_rows == 7


def test_tables_are_built_when_first_asked_for(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert([inputs], out)
    assert not (out / "records.csv").exists()
    convert([inputs], out, formats=["json", "csv"])
    assert (out / "records.csv").is_file()


# -- executors and usage -------------------------------------------------------------------


def test_dask_executor_on_a_local_cluster(tmp_path: Path) -> None:
    write_inputs(tmp_path / "in", 3)
    assert convert([tmp_path / "in"], tmp_path / "dask", executor="dask", workers=2) == 0
    convert([tmp_path / "in"], tmp_path / "local")
    dask, local = output_jsons(tmp_path / "dask"), output_jsons(tmp_path / "local")
    assert [p.name for p in dask] == [p.name for p in local] and len(dask) == 3
    assert [p.read_bytes() for p in dask] == [p.read_bytes() for p in local]
    assert len(read_manifest(tmp_path / "dask")) == 3


def test_dask_missing_is_a_clear_usage_error(inputs: Path, tmp_path: Path, monkeypatch,
                                            capsys) -> None:
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    assert convert([inputs], tmp_path / "out", executor="dask") == 2
    assert "pip install 'chitieu[dask]'" in capsys.readouterr().err


@pytest.mark.parametrize("arguments, message", [
    (["--workers", "0"], "--workers must be 1 or more"),
    (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --executor dask"),
    (["--format", "xml"], "unknown format xml"),
])
def test_usage_errors_exit_2(inputs: Path, tmp_path: Path, capsys, arguments, message) -> None:
    assert main(["convert", str(inputs), "-o", str(tmp_path / "out"), *arguments]) == 2
    assert message in capsys.readouterr().err


def test_output_that_is_a_file_exits_2(inputs: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "out").write_text("")
    assert convert([inputs], tmp_path / "out") == 2
    assert "must be a folder" in capsys.readouterr().err


def test_a_bad_gazetteer_is_one_error_not_one_per_file(inputs: Path, tmp_path: Path,
                                                       capsys) -> None:
    bad = tmp_path / "agencies.csv"
    bad.write_text("ma,ten\nx,y\n", encoding="utf-8")
    assert convert([inputs], tmp_path / "out", gazetteer=[bad]) == 2
    assert "not an agencies CSV" in capsys.readouterr().err


def test_two_runs_on_one_output_folder_do_not_mix(inputs: Path, tmp_path: Path,
                                                  capsys) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with (out / ".chitieu.lock").open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        assert convert([inputs], out) == 2
    assert "another chitieu convert" in capsys.readouterr().err
    assert convert([inputs], out) == 0


def test_dask_executor_on_a_scheduler_address(tmp_path: Path) -> None:
    from dask.distributed import LocalCluster

    write_inputs(tmp_path / "in", 2)
    with LocalCluster(n_workers=1, processes=False, dashboard_address=":0") as cluster:
        code = convert([tmp_path / "in"], tmp_path / "out", executor="dask",
                       scheduler=cluster.scheduler_address)
    assert code == 0
    assert len(output_jsons(tmp_path / "out")) == 2
    assert_valid_documents(tmp_path / "out")


# -- what a user meets at the command line -------------------------------------------------


@pytest.mark.parametrize("content", [None, {"notes.json": "{}", "run.log": "x",
                                             ".hidden.txt": "x"}])
def test_a_folder_without_documents_is_a_clear_usage_error(tmp_path: Path, capsys,
                                                           content) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    for name, text in (content or {}).items():
        (folder / name).write_text(text)
    assert convert([folder], tmp_path / "out", quiet=False) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"chitieu: no documents found in {folder}")


def test_an_output_folder_that_cannot_be_written_is_one_line(inputs: Path, tmp_path: Path,
                                                             capsys, monkeypatch) -> None:
    # the tests run as root, whom permissions do not stop: the lock file cannot be opened
    # here because a folder stands where it goes, the same OSError a read-only folder gives
    out = tmp_path / "out"
    (out / batch.LOCK_NAME).mkdir(parents=True)
    assert convert([inputs], out) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot write to the output folder" in err[0]
    assert not (out / "manifest.jsonl").exists()


def test_ctrl_c_keeps_what_is_done_and_a_rerun_resumes(inputs: Path, tmp_path: Path, capsys,
                                                       monkeypatch) -> None:
    from chitieu.batch import run

    real_execute = run.execute

    def interrupted(jobs, out_dir, **options):
        finished = real_execute(jobs, out_dir, **options)
        yield next(finished)
        yield next(finished)
        raise KeyboardInterrupt

    monkeypatch.setattr(run, "execute", interrupted)
    out = tmp_path / "out"
    assert convert([inputs], out) == 130
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"chitieu: interrupted: 2 of 6 files converted and kept in {out.resolve()}; "
                   "run the same command again to resume"]
    kept = read_manifest(out)
    assert len(kept) == 2 and all((out / line["output"]).is_file() for line in kept)
    monkeypatch.setattr(run, "execute", real_execute)
    assert convert([inputs], out) == 0
    assert len(read_manifest(out)) == 6 and read_report(out)["run"]["converted"] == 4


def test_a_gazetteer_edited_between_two_runs_is_loaded_again(tmp_path: Path) -> None:
    extra = tmp_path / "agencies.csv"
    extra.write_text("id,name\nhtx-thu-nghiem,Hợp tác xã Thử Nghiệm\n", encoding="utf-8")
    before = worker.worker_gazetteer((str(extra),))
    assert worker.worker_gazetteer((str(extra),)) is before  # loaded once
    extra.write_text("id,name\nhtx-lua-moi,Hợp tác xã Lúa Mới Thử Nghiệm\n", encoding="utf-8")
    after = worker.worker_gazetteer((str(extra),))
    assert after.match("Hợp tác xã Lúa Mới Thử Nghiệm").id == "htx-lua-moi"
    assert before.match("Hợp tác xã Lúa Mới Thử Nghiệm").id != "htx-lua-moi"


def test_package_digest_kept_in_the_cache_folder_is_the_files_digest(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from chitieu.batch import manifest
    from chitieu.core import cache

    monkeypatch.setenv("CHITIEU_CACHE_DIR", str(tmp_path))
    digests = []
    for stamp in ("one", "one", "two"):  # the package's files as they are, then changed
        monkeypatch.setattr(cache, "_package_stamp", lambda stamp=stamp: stamp)
        manifest._package_digest.cache_clear()
        digests.append(manifest._package_digest())
    manifest._package_digest.cache_clear()
    assert digests == [manifest._hash_package_files()] * 3
    assert len(list(tmp_path.glob("package-digest-*.pickle"))) == 2  # one per stamp
