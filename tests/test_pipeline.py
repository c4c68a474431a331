import dataclasses

import pytest

from ctwatch.errors import PipelineError
from ctwatch.model import Document
from ctwatch.pipeline import Pipeline


class Upper:
    name = "upper"
    requires = ("text",)
    assigns = ("title",)

    def __call__(self, doc):
        return dataclasses.replace(doc, title=doc.text.upper())


class NeedsGenre:
    name = "needs_genre"
    requires = ("genre",)
    assigns = ("incidents",)

    def __call__(self, doc):
        return doc


class Boom:
    name = "boom"
    requires = ("text",)
    assigns = ()

    def __call__(self, doc):
        if "bad" in doc.text:
            raise ValueError("cannot handle this")
        return doc


class ReturnsNone:
    name = "none"
    requires = ()
    assigns = ()

    def __call__(self, doc):
        return None


class Batched(Upper):
    name = "batched"
    calls = 0

    def pipe(self, docs):
        Batched.calls += 1
        for d in docs:
            yield self(d)


def test_runs_stages_in_order():
    doc = Pipeline([Upper()]).run(Document.from_text("abc"))
    assert doc.title == "ABC"


def test_order_check_names_the_missing_requirement():
    with pytest.raises(PipelineError, match="requires genre"):
        Pipeline([NeedsGenre()])


def test_unknown_field_is_refused():
    class Odd(Upper):
        assigns = ("nonsense",)

    with pytest.raises(PipelineError, match="nonsense"):
        Pipeline([Odd()])


def test_duplicate_names_are_refused():
    with pytest.raises(PipelineError, match="two stages"):
        Pipeline([Upper(), Upper()])


def test_wrong_return_type_is_caught():
    with pytest.raises(PipelineError, match="returned NoneType"):
        Pipeline([ReturnsNone()]).run(Document.from_text("x"))


def test_on_error_raise_and_skip():
    bad = Document.from_text("a bad one")
    with pytest.raises(ValueError):
        Pipeline([Boom()]).run(bad)
    out = Pipeline([Boom(), Upper()], on_error="skip").run(bad)
    assert out.skips[0].stage == "boom" and out.skips[0].reason == "ValueError"
    assert out.title == "A BAD ONE"  # later stages still ran


def test_pipe_batches_and_keeps_order():
    Batched.calls = 0
    docs = [Document.from_text(f"doc {i}") for i in range(5)]
    out = list(Pipeline([Batched()]).pipe(docs, batch_size=2))
    assert [d.title for d in out] == [f"DOC {i}" for i in range(5)]
    assert Batched.calls == 3


def test_pipe_with_one_bad_document_skips_only_it():
    docs = [Document.from_text(t) for t in ("good", "bad", "fine")]
    out = list(Pipeline([Boom()], on_error="skip").pipe(docs))
    assert [len(d.skips) for d in out] == [0, 1, 0]


def test_bad_on_error_value():
    with pytest.raises(PipelineError):
        Pipeline([], on_error="ignore")
