import pytest

from ctwatch.errors import DataError
from ctwatch.extract.lexicon import _TARGET_KEYS, _TRIGGER_KEYS, _known_keys, lexicon


def test_the_shipped_lexicon_uses_known_keys_only():
    lex = lexicon()
    grenade = lex.triggers.entries["grenade"]
    assert "recovered" in grenade.not_after and grenade.not_passive == {"recovered", "seized", "confiscated"}
    assert (
        "arms" in lex.triggers.entries["seized"].not_after and not lex.triggers.entries["seized"].not_passive
    )


@pytest.mark.parametrize(
    ("entries", "table", "known", "bad"),
    [
        (
            [{"words": ["grenade"], "attack": "Bombing/Explosion", "not_pasive": ["recovered"]}],
            "trigger",
            _TRIGGER_KEYS,
            "not_pasive",
        ),
        ([{"words": ["bus"], "type": "Transportation", "kinds": "vehicle"}], "target", _TARGET_KEYS, "kinds"),
    ],
)
def test_a_misspelt_key_is_an_error_naming_it(entries, table, known, bad):
    with pytest.raises(
        DataError, match=rf"incidents\.toml: \[\[{table}\]\] \['\w+'\] has unknown key\(s\) {bad}"
    ):
        _known_keys(entries, table, known)
