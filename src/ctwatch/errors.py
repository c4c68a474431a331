"""Every exception ctwatch raises, in one tree.

    CtwatchError                  base of everything below
    ├── InputError                a document could not be read (names the source and the cause)
    │   ├── EmptyInput            nothing to read: an empty file, a feed with no entries
    │   ├── TooLarge              over the size cap for a file or a download
    │   ├── BinaryInput           bytes that are not text in any encoding we accept
    │   ├── DecodeError           text whose encoding could not be worked out
    │   ├── MalformedInput        a PDF, feed or JSON record that does not parse
    │   ├── UnsupportedInput      a kind of file we do not read
    │   └── FetchError            an http(s) URL that could not be fetched
    │       └── BlockedAddress    the URL resolves to a private, loopback or link-local address
    ├── PipelineError             a stage broke its contract (wrong return type, missing requirement)
    ├── StoreError                the store could not be opened, migrated or written
    ├── DataError                 a data file under data/ is missing or malformed
    ├── ModelError                a language model could not be loaded
    └── BenchError                a benchmark's input is missing or malformed

Library code raises these and never prints or exits; the CLI turns them into one line and an exit code.
Each InputError carries ``source`` and ``reason`` (a short machine-readable cause used in summaries).
"""

from __future__ import annotations


class CtwatchError(Exception):
    """Base of every ctwatch error."""

    exit_code = 1


class InputError(CtwatchError):
    """A document could not be read."""

    reason = "unreadable"
    exit_code = 2

    def __init__(self, source: str, detail: str) -> None:
        self.source = source
        self.detail = detail
        super().__init__(f"{source}: {detail}")


class EmptyInput(InputError):
    reason = "empty"


class TooLarge(InputError):
    reason = "too_large"


class BinaryInput(InputError):
    reason = "binary"


class DecodeError(InputError):
    reason = "undecodable"


class MalformedInput(InputError):
    reason = "malformed"


class UnsupportedInput(InputError):
    reason = "unsupported"


class FetchError(InputError):
    reason = "fetch_failed"


class BlockedAddress(FetchError):
    reason = "blocked_address"


class PipelineError(CtwatchError):
    """A stage broke its contract."""


class StoreError(CtwatchError):
    """The store could not be opened, migrated or written."""

    exit_code = 3


class DataError(CtwatchError):
    """A data file is missing or malformed."""


class ModelError(CtwatchError):
    """A language model could not be loaded."""


class BenchError(CtwatchError):
    """A benchmark's input is missing or malformed."""

    exit_code = 2
