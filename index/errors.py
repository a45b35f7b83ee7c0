"""The engine's named exceptions: surfaces catch these and turn them into a message with a fix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem in a data file: where it is and what is wrong."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class EcosysError(Exception):
    """Base of every error the engine raises on purpose."""


class DataError(EcosysError):
    """Raised when the knowledge base has problems; ``problems`` lists every one of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        first = str(self.problems[0]) if self.problems else "unknown problem"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(f"{first}{more}")


class DataDirMissing(EcosysError):
    """Raised when a configured data directory does not exist."""


class IndexNotBuilt(EcosysError):
    """Raised when a search is asked of a state directory that holds no usable index."""


class LandscapeError(EcosysError):
    """Raised when a CNCF landscape file cannot be imported; names the item at fault."""
