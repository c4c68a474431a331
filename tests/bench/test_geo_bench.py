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


def test_geo_bench_errors(tmp_path):
    with pytest.raises(BenchError):
        run(tmp_path / "none.xml")
    bad = tmp_path / "bad.xml"
    bad.write_text("<not xml", encoding="utf-8")
    with pytest.raises(BenchError, match="not XML"):
        run(bad)
