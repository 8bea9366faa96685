"""The workspace link: parsing, hashing, constant-time comparison."""

import hashlib
import hmac

import pytest
from pydantic import SecretStr

from ikt_model.workspaces import access
from ikt_model.workspaces.access import WorkspaceDenied


def test_secret_is_256_bits_urlsafe_and_hidden_in_repr():
    secret = access.new_secret()
    raw = secret.get_secret_value()
    assert len(raw) == access.SECRET_LENGTH == 43 and set(raw) <= set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert raw not in repr(secret) and raw not in str(secret)
    assert len({access.new_secret().get_secret_value() for _ in range(200)}) == 200


def test_digest_is_sha256_hex():
    assert access.digest("abc") == hashlib.sha256(b"abc").hexdigest()


def test_secret_matches_uses_compare_digest(monkeypatch):
    calls = []
    real = hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(access.hmac, "compare_digest", spy)
    stored = access.digest("riktig")
    assert access.secret_matches("riktig", stored)
    assert not access.secret_matches("feil", stored)
    assert not access.secret_matches("riktig", None)  # no secret set: refused after the same work
    assert len(calls) == 3 and all(len(a) == len(b) == 64 for a, b in calls)


def test_parse_link_accepts_full_url_query_and_bare_value():
    ws, secret = access.new_workspace_id(), access.new_secret()
    value = access.link_value(ws, secret)
    url = access.workspace_url("https://ikt.example.no", "scenarier", ws, secret)
    assert url == f"https://ikt.example.no/scenarier?sak={value}"
    for form in (url, f"?sak={value}", f"sak={value}", value, f"  {url}\n"):
        assert access.parse_link(form) == (ws, secret.get_secret_value())


@pytest.mark.parametrize("bad", ["", None, 42, "tull", "0123456789abcdef.", "0123456789abcdef.kort",
                                 "https://x/scenarier?s=abc", "0123456789ABCDEF." + "a" * 43, "x" * 3000])
def test_parse_link_refuses_with_one_norwegian_sentence(bad):
    with pytest.raises(WorkspaceDenied) as info:
        access.parse_link(bad)
    assert "Lenken åpner ingen sak" in str(info.value)


def test_truncated_link_refused():
    value = access.link_value(access.new_workspace_id(), access.new_secret())
    for cut in (1, 5, 20):
        with pytest.raises(WorkspaceDenied):
            access.parse_link(value[:-cut])


def test_link_value_takes_secretstr_or_text():
    assert access.link_value("0" * 16, SecretStr("s")) == access.link_value("0" * 16, "s") == "0" * 16 + ".s"


def test_operator_key_check():
    key = SecretStr("k" * 20 + "-operatør")
    access.check_operator_key("k" * 20 + "-operatør", key)
    access.check_operator_key(SecretStr("k" * 20 + "-operatør"), key)
    for wrong in ("k" * 20, "", None, "x" * 1000, "k" * 20 + "-operatør "):
        with pytest.raises(access.OperatorRefused, match="Feil operatørnøkkel"):
            access.check_operator_key(wrong, key)
    for unset in (None, SecretStr(""), SecretStr("kort")):
        with pytest.raises(access.OperatorRefused, match="slått av"):
            access.check_operator_key("kort", unset)


def test_operator_key_comes_from_the_environment_only(monkeypatch):
    from ikt_model.config import get_settings

    monkeypatch.delenv("IKT_OPERATOR_KEY", raising=False)
    assert get_settings().operator_key is None
    monkeypatch.setenv("IKT_OPERATOR_KEY", "en-lang-nokkel-fra-miljoet")
    settings = get_settings()
    assert settings.operator_key.get_secret_value() == "en-lang-nokkel-fra-miljoet"
    assert "en-lang-nokkel" not in repr(settings)
