"""Property-based tests of the validators shared by the workstation and the server."""

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.requests import (
    format_phone,
    normalize_phone,
    normalize_postal_code,
    valid_email,
    validate_request,
)

area = st.integers(200, 999).map(str)
exchange = st.integers(200, 999).map(str)
line = st.integers(0, 9999).map(lambda n: f"{n:04d}")
separators = st.sampled_from(["", " ", "-", "."])


@given(area, exchange, line, separators, st.booleans(), st.one_of(st.none(), st.integers(1, 99999)))
def test_every_written_form_of_a_canadian_number_normalises_the_same(a, e, n, sep, parens, ext):
    written = (
        (f"({a}) " if parens else f"{a}{sep}") + f"{e}{sep}{n}" + (f" poste {ext}" if ext else "")
    )
    normalized = normalize_phone(written)
    assert normalized == f"{a}{e}{n}" + (f"x{ext}" if ext else "")
    assert normalize_phone(format_phone(normalized)) == normalized
    assert normalize_phone("+1 " + written) == normalized


@given(st.text(alphabet=string.digits + " -", max_size=9))
def test_too_short_numbers_are_refused(text):
    assert normalize_phone(text) is None


letters = st.sampled_from("ABCEGHJKLMNPRSTVXY")
later_letters = st.sampled_from("ABCEGHJKLMNPRSTVWXYZ")
digits = st.sampled_from(string.digits)


@given(
    letters,
    digits,
    later_letters,
    digits,
    later_letters,
    digits,
    st.sampled_from(["", " ", "-"]),
    st.booleans(),
)
def test_postal_codes_in_any_case_and_spacing(l1, d1, l2, d2, l3, d3, sep, lower):
    text = f"{l1}{d1}{l2}{sep}{d2}{l3}{d3}"
    assert normalize_postal_code(text.lower() if lower else text) == f"{l1}{d1}{l2} {d2}{l3}{d3}"


@pytest.mark.parametrize("bad", ["D7X 1A1", "J7X1A", "12345", "J7X 1A11", "W7X 1A1", ""])
def test_impossible_postal_codes(bad):
    assert normalize_postal_code(bad) is None


@given(st.from_regex(r"[a-z0-9._%+-]{1,20}@[a-z0-9-]{1,15}\.(ca|com|org|quebec)", fullmatch=True))
def test_ordinary_emails_are_accepted(email):
    if ".." not in email:
        assert valid_email(email)


@pytest.mark.parametrize(
    "bad", ["lucie", "lucie@", "@exemple.ca", "lucie@exemple", "lu cie@exemple.ca", "a@b..ca"]
)
def test_malformed_emails(bad):
    assert not valid_email(bad)


@given(st.text(max_size=200))
def test_validation_never_crashes_and_always_answers_in_french(description):
    data = {
        "nature": "request",
        "category": "x",
        "channel": "phone",
        "description": description,
        "citizen": {
            "phone": description[:20],
            "email": description[:30],
            "postal_code": description[:7],
        },
    }
    try:
        out = validate_request(data)
    except ValidationFailed as exc:
        assert exc.fields and all(isinstance(m, str) and m for m in exc.fields.values())
    else:
        assert out["description"] == description.strip()


def test_contact_preference_needs_its_channel():
    with pytest.raises(ValidationFailed) as info:
        validate_request(
            {
                "nature": "request",
                "category": "x",
                "channel": "phone",
                "description": "d",
                "citizen": {"contact": "email"},
            }
        )
    assert info.value.fields == {
        "citizen.email": "une adresse courriel est nécessaire pour un suivi par courriel"
    }
