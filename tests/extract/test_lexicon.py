import pytest

from ctwatch.errors import DataError
from ctwatch.extract.lexicon import _TARGET_KEYS, _TRIGGER_KEYS, _known_keys, lexicon


def test_the_shipped_lexicon_uses_known_keys_only():
    lex = lexicon()
    grenade = lex.triggers.entries["grenade"]
    assert "recovered" in grenade.not_after and grenade.not_passive == {
        "recovered",
        "seized",
        "confiscated",
        "found",
    }
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


def test_instruments_name_the_weapon_and_the_other_words_the_act():
    lex = lexicon()
    assert lex.triggers.entries["bomb"].instrument and lex.triggers.entries["rifles"].instrument
    assert not lex.triggers.entries["blast"].instrument and not lex.triggers.entries["ambush"].instrument
    # the split keeps each word's types: the model cues read them, not the flag
    assert lex.triggers.entries["ambush"].weapon == lex.triggers.entries["rifles"].weapon == "Firearms"


@pytest.mark.parametrize(
    ("triggers", "message"),
    [
        # an instrument not among its trigger's words
        (
            lambda t: [{**t[0], "instruments": ["suicide vest"]}],
            r"incidents\.toml: \[\[trigger\]\] .*instruments suicide vest are not",
        ),
        # a word in two entries, the earlier's copy dead ("car-bomb" is "car bomb")
        (
            lambda t: [*t, {**t[0], "words": ["car-bomb"]}],
            r"incidents\.toml: \[\[trigger\]\] \['car-bomb'\] lists 'car bomb', as \[\[trigger\]\] \['car bomb'\]",
        ),
    ],
)
def test_a_malformed_trigger_table_is_an_error(monkeypatch, triggers, message):
    from ctwatch import datafiles

    real = datafiles.toml

    def bad(name):
        data = real(name)
        if name == "incidents.toml":
            data = {**data, "trigger": triggers(data["trigger"])}
        return data

    monkeypatch.setattr(datafiles, "toml", bad)
    lexicon.cache_clear()
    try:
        with pytest.raises(DataError, match=message):
            lexicon()
    finally:
        monkeypatch.undo()
        lexicon.cache_clear()
