"""Every bench reads its gold file through one door: a file that is not UTF-8 text, or not the format, is a
one-line error naming the file, never a traceback."""

import pytest
from click.testing import CliRunner

from ctwatch.cli import main

BINARY = b"\x89PNG\r\n\x1a\n\xb6\xff\x00\x01"


@pytest.mark.parametrize(
    "args",
    [
        ["bench", "satp"],
        ["bench", "satp", "--extractor", "pipeline"],
        ["bench", "muc4", "--out", "{tmp}/pred.json"],
        ["bench", "ucdp"],
        ["bench", "geo"],
        ["bench", "plover"],
        ["bench", "petrarch"],
    ],
)
@pytest.mark.parametrize("content", [BINARY, b"", b"{not json\n"])
def test_a_bad_gold_file_is_one_clear_error(tmp_path, args, content):
    gold = tmp_path / "gold.bin"
    gold.write_bytes(content)
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = CliRunner().invoke(main, [*argv[:2], str(gold), *argv[2:]])
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and "gold.bin" in lines[0], result.output
