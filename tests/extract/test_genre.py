import pytest

from ctwatch.extract.genre import classify


@pytest.mark.parametrize(
    "title, text, genre",
    [
        ("Pakistan-US Cooperation In Anti-Terrorism Efforts – OpEd", "Body.", "opinion"),
        ("Opinion: The border cannot be an afterthought", "Body.", "opinion"),
        (
            None,
            "We believe the way forward is dialogue. It is high time we act. We must not wait.",
            "opinion",
        ),
        ("Blast kills five", "QUETTA, March 6 (Wire) - A bomb exploded, police said.", "news"),
        ("Annual Security Report 2023", "Executive summary. " + "word " * 2000, "report"),
    ],
)
def test_classify(title, text, genre):
    assert classify(title, text)[0] == genre
