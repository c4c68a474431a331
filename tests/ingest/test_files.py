import json

import pytest

from ctwatch.errors import EmptyInput, InputError, MalformedInput, TooLarge, UnsupportedInput
from ctwatch.ingest import read, read_bytes, read_path
from ctwatch.model import Document

from .pdfmaker import make_pdf

ARTICLE = (
    "Blast hits market in Quetta\n\n"
    "QUETTA, June 2, 2023 (Wire) - A bomb exploded in a crowded market in Quetta on Friday, "
    "killing three people and wounding nine, police said."
)

HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Blast hits market in Quetta</title>
<meta property="article:published_time" content="2023-06-02T10:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Blast hits market in Quetta</h1>
<p>QUETTA (Wire) - A bomb exploded in a crowded market in Quetta on Friday, killing three people and
wounding nine, police said. The explosion shattered windows across the street.</p>
<p>Rescue workers took the wounded to the provincial hospital, where two remained in a serious condition.</p>
</article><script>var tracking = 1;</script><footer>All rights reserved</footer></body></html>"""

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title><link>https://example.org</link><description>d</description>
<item><title>Gunmen attack checkpoint</title><link>https://example.org/a</link>
<pubDate>Mon, 05 Jun 2023 08:00:00 GMT</pubDate>
<description><![CDATA[<p>Gunmen attacked a checkpoint near Bannu.</p><script>alert('x')</script><img src=x onerror=alert(1)>]]></description></item>
<item><title>Second story</title><link>https://example.org/b</link><description>Police arrested two suspects.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title>
<entry><title>Convoy ambushed</title><link href="https://example.org/c"/><updated>2023-06-07T00:00:00Z</updated>
<content type="html">&lt;p&gt;Militants ambushed a convoy in Kurram.&lt;/p&gt;</content></entry></feed>"""


def only_docs(items):
    return [i for i in items if isinstance(i, Document)]


def test_text_file(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    (doc,) = list(read_path(p))
    assert doc.title == "Blast hits market in Quetta"
    assert doc.published == "2023-06-02"
    assert doc.source == str(p)


def test_markdown_title(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("# Opinion: a title\n\nBody text here.", encoding="utf-8")
    (doc,) = list(read_path(p))
    assert doc.title == "Opinion: a title"


def test_html_main_text_title_date(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(HTML, encoding="utf-8")
    (doc,) = list(read_path(p))
    assert doc.title == "Blast hits market in Quetta"
    assert doc.published == "2023-06-02"
    assert "crowded market" in doc.text
    assert "tracking" not in doc.text and "All rights reserved" not in doc.text


def test_pdf(tmp_path):
    p = tmp_path / "r.pdf"
    p.write_bytes(
        make_pdf(["A suicide bomber struck a police station in Bannu.", "Four policemen were killed."])
    )
    (doc,) = list(read_path(p))
    assert "suicide bomber" in doc.text and "Four policemen" in doc.text
    assert doc.title == "Test report"
    assert doc.published == "2023-03-01"


def test_truncated_pdf_is_malformed(tmp_path):
    p = tmp_path / "cut.pdf"
    p.write_bytes(make_pdf(["Some text in a report."])[:120])
    (err,) = list(read_path(p))
    assert isinstance(err, InputError) and err.source == str(p)


def test_json_and_jsonl(tmp_path):
    recs = [
        {
            "id": "r1",
            "text": "A blast in Quetta.",
            "title": "T1",
            "published": "2023-01-02",
            "url": "https://e.org/1",
        },
        {"id": "r2", "text": "Gunmen in Kabul."},
    ]
    (tmp_path / "a.json").write_text(json.dumps(recs), encoding="utf-8")
    lines = [json.dumps(r) for r in recs] + ["{not json", json.dumps({"id": "r3"}), ""]
    (tmp_path / "b.jsonl").write_text("\n".join(lines), encoding="utf-8")
    a = list(read_path(tmp_path / "a.json"))
    assert [d.title for d in a] == ["T1", None]
    assert a[0].published == "2023-01-02" and a[0].url == "https://e.org/1" and a[0].meta["record_id"] == "r1"
    b = list(read_path(tmp_path / "b.jsonl"))
    assert len(only_docs(b)) == 2
    errors = [e for e in b if isinstance(e, InputError)]
    assert [type(e) for e in errors] == [MalformedInput, EmptyInput]
    assert errors[0].source.endswith("b.jsonl:3")


def test_evaluation_records_under_a_json_name(tmp_path):
    """MUC-4's dev.json is JSON Lines of {docid, doctext}: read as records, ids kept."""
    lines = [
        json.dumps({"docid": f"TST1-MUC3-000{i}", "doctext": f"a bomb exploded in lima, day {i}."})
        for i in (1, 2)
    ]
    (tmp_path / "dev.json").write_text("\n".join(lines), encoding="utf-8")
    docs = only_docs(read_path(tmp_path / "dev.json"))
    assert [d.meta["record_id"] for d in docs] == ["TST1-MUC3-0001", "TST1-MUC3-0002"]
    (tmp_path / "bad.json").write_text('{"text": "x"', encoding="utf-8")
    (err,) = list(read_path(tmp_path / "bad.json"))
    assert isinstance(err, MalformedInput) and "invalid JSON" in str(err)


def test_rss_entries_sanitised(tmp_path):
    p = tmp_path / "wire.rss"
    p.write_text(FEED, encoding="utf-8")
    docs = only_docs(read_path(p))
    assert len(docs) == 2
    assert docs[0].source == "https://example.org/a" and docs[0].published == "2023-06-05"
    assert "Gunmen attacked a checkpoint" in docs[0].text
    assert "alert" not in docs[0].text and "<" not in docs[0].text


def test_atom_feed_sniffed_from_xml(tmp_path):
    p = tmp_path / "feed.xml"
    p.write_text(ATOM, encoding="utf-8")
    (doc,) = only_docs(read_path(p))
    assert "ambushed a convoy" in doc.text and doc.title == "Convoy ambushed"


def test_malformed_feed(tmp_path):
    p = tmp_path / "broken.rss"
    p.write_text("<rss><channel><item><title>unclosed", encoding="utf-8")
    (err,) = list(read_path(p))
    assert isinstance(err, InputError)
    assert "broken.rss" in str(err)


def test_folder_recursive_sorted_and_unsupported(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "b.txt").write_text("Second file text.", encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "a.txt").write_text("Nested file text.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    items = list(read_path(tmp_path))
    assert [d.text for d in only_docs(items)] == ["Second file text.", "Nested file text."]
    (err,) = [i for i in items if isinstance(i, InputError)]
    assert isinstance(err, UnsupportedInput) and err.source.endswith("image.png")


def test_size_cap(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"word " * 3000)
    (err,) = list(read_path(p, max_bytes=1000))
    assert isinstance(err, TooLarge) and "--max-bytes" in err.detail


def test_missing_path():
    (err,) = list(read_path("/no/such/file.txt"))
    assert isinstance(err, InputError) and "no such file" in err.detail


def test_stdin_and_same_content_same_id(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    (from_file,) = list(read_path(p))
    (from_stdin,) = list(read(["-"], stdin=ARTICLE.encode()))
    assert from_stdin.source == "<stdin>"
    assert from_file.id == from_stdin.id


def test_read_bytes_sniffs_html_without_suffix():
    (doc,) = list(read_bytes(HTML.encode(), "x", content_type="text/html; charset=utf-8"))
    assert "crowded market" in doc.text


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02\x03" * 100])
def test_bad_bytes_are_errors_not_exceptions(data):
    (err,) = list(read_bytes(data, "blob.txt", suffix=".txt"))
    assert isinstance(err, InputError) and err.source == "blob.txt"
