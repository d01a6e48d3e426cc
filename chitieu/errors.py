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
