"""The one error type readers raise for input that cannot be converted."""


class InputError(Exception):
    """An input file that cannot be read: empty, binary junk, encrypted, no table, …

    The message is one line a user can act on; the CLI prints it as is.
    """

    def __init__(self, message: str, *, path: str | None = None, code: str = "unreadable"):
        super().__init__(message)
        self.path = path
        self.code = code

    def __str__(self) -> str:
        message = super().__str__()
        return f"{self.path}: {message}" if self.path else message


# the optional extra that installs each third-party module a reader or writer imports
EXTRA_OF_MODULE = {
    "pdfplumber": "pdf", "pdfminer": "pdf", "pypdfium2": "pdf", "playa": "pdf",
    "camelot": "camelot",
    "cv2": "scan", "numpy": "scan", "PIL": "scan",
    "docx": "office", "openpyxl": "office",
    "pyarrow": "parquet", "pandas": "parquet",
    "dask": "dask", "distributed": "dask",
    "fastapi": "review", "starlette": "review", "uvicorn": "review", "jinja2": "review",
    "multipart": "review", "duckdb": "review",
}


def install_hint(module: str | None) -> str | None:
    """"pip install 'chitieu[pdf]'" for a module an extra installs, else None."""
    extra = EXTRA_OF_MODULE.get((module or "").partition(".")[0])
    return f"pip install 'chitieu[{extra}]'" if extra else None


def missing_module_error(what: str, exc: ModuleNotFoundError) -> InputError:
    """One line naming the extra (or the package) that `what` needs."""
    hint = install_hint(exc.name) or f"pip install {exc.name}"
    return InputError(f"{what} needs the Python module {exc.name!r}; install it with: {hint}",
                      code="missing_dependency")
