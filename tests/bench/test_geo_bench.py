"""The geocoding benchmark on a small file in LGL's format (figures are the benchmark's business)."""

import pytest

from ctwatch.bench.geo import run
from ctwatch.errors import BenchError

LGL = """<articles>
<article docid="1"><text>Police in Peshawar and Quetta said ...</text><toponyms>
<toponym><start>10</start><end>18</end><phrase>Peshawar</phrase><gaztag geonameid="1168197"><name>Peshawar</name>
<lat>34.008</lat><lon>71.578</lon></gaztag></toponym>
<toponym><start>23</start><end>29</end><phrase>Quetta</phrase><gaztag geonameid="1167528"><name>Quetta</name>
<lat>30.184</lat><lon>67.001</lon></gaztag></toponym>
<toponym><start>0</start><end>3</end><phrase>Xqzzyvale</phrase><gaztag geonameid="1"><name>X</name>
<lat>10.0</lat><lon>10.0</lon></gaztag></toponym>
</toponyms></article>
</articles>"""


def test_geo_bench(tmp_path):
    path = tmp_path / "lgl.xml"
    path.write_text(LGL, encoding="utf-8")
    fig = run(path)
    assert fig["n"] == 3 and fig["unresolved"] == 1
    assert fig["acc_at_161km"] == round(2 / 3, 4)
    assert 0 < fig["auc"] < 1


PARIS = "<toponym><phrase>Paris</phrase><gaztag><lat>33.661</lat><lon>-95.555</lon></gaztag></toponym>"
TEXAS = "<toponym><phrase>Texas</phrase><gaztag><lat>31.25</lat><lon>-99.25</lon></gaztag></toponym>"
HOME = f"""<articles>
<article docid="2"><url>http://www.parisnews.example/b</url><dltime>2009-03-02</dltime>
<text>Paris council met.</text><toponyms>{PARIS}</toponyms></article>
<article docid="1"><url>http://www.parisnews.example/a</url><dltime>2009-03-01</dltime>
<text>Paris, Texas.</text><toponyms>{PARIS}{TEXAS}</toponyms></article>
<article docid="3"><url>http://elsewhere.example/c</url><dltime>2009-03-03</dltime>
<text>Paris council met.</text><toponyms>{PARIS}</toponyms></article>
</articles>"""


def test_geo_bench_reads_a_sources_earlier_articles(tmp_path):
    path = tmp_path / "home.xml"
    path.write_text(HOME, encoding="utf-8")
    fig = run(path)
    # article 1 (fetched first) names Texas; article 2 from the same paper is then in Texas too; article 3
    # comes from another source, which names nowhere: its Paris is the French capital
    assert fig["n"] == 4 and fig["acc_at_161km"] == 0.75


def test_geo_bench_errors(tmp_path):
    with pytest.raises(BenchError):
        run(tmp_path / "none.xml")
    bad = tmp_path / "bad.xml"
    bad.write_text("<not xml", encoding="utf-8")
    with pytest.raises(BenchError, match="not XML"):
        run(bad)
