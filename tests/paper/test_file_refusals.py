"""A file that cannot be read as a whole is refused with a clear reason, and
nothing changes."""

from __future__ import annotations

import pytest

from campaigns.conf import conf
from campaigns.models import Signature
from campaigns.paper.sealing import Sealed, seal, unseal

HEADER = "email,first_name,last_name\n"


def _error(response) -> str:
    assert response.status_code == 200
    assert "report" not in response.context
    assert not Signature.objects.exists()
    return " ".join(response.context["upload"].errors["file"])


def test_a_file_over_the_size_limit_is_refused(settings, check):
    settings.UNDERSIGN_PAPER_MAX_BYTES = 100

    assert "larger than" in _error(check(HEADER + "a@example.org,Ana,Díaz\n" * 10))


def test_too_many_rows_are_refused(settings, check):
    settings.UNDERSIGN_PAPER_MAX_ROWS = 2
    rows = "".join(f"s{n}@example.org,Ana,Díaz\n" for n in range(3))

    assert "more than 2 rows" in _error(check(HEADER + rows))


def test_a_file_that_is_not_utf8_is_refused(check):
    latin1 = (HEADER + "a@example.org,José,Núñez\n").encode("latin-1")

    assert "UTF-8" in _error(check(latin1))


def test_a_binary_file_is_refused(check):
    assert _error(check(b"PK\x03\x04\x00\x00binary\x00stuff"))


def test_an_empty_file_is_refused(check):
    assert "empty" in _error(check(""))


def test_a_missing_required_column_is_refused(check):
    error = _error(check("email,first_name\na@example.org,Ana\n"))

    assert "last_name" in error


def test_an_unknown_column_is_refused_rather_than_dropped(check):
    error = _error(check("email,first_name,last_name,ssn\na@example.org,A,B,1\n"))

    assert "ssn" in error


def test_a_column_twice_is_refused(check):
    assert "twice" in _error(check("email,first_name,last_name,email\n"))


@pytest.mark.parametrize(
    "header",
    [
        "Email,First name,Last name",
        "email;first_name;last_name",
        "\ufeffemail,first-name,LAST_NAME",
    ],
)
def test_spreadsheet_headers_and_separators_are_understood(check, header):
    separator = ";" if ";" in header else ","
    row = separator.join(["a@example.org", "Ana", "Díaz"])

    response = check(f"{header}\n{row}\n")

    assert len(response.context["report"].good) == 1


def test_a_row_with_more_cells_than_columns_is_refused(check):
    response = check(HEADER + "a@example.org,Ana,Díaz,extra\n")

    [refusal] = response.context["report"].refused
    assert refusal.row == 2
    assert "more cells" in refusal.reason


def test_blank_rows_are_skipped(check):
    response = check(HEADER + "\n,,\na@example.org,Ana,Díaz\n")

    assert [row for row, _clean in response.context["report"].good] == [4]


def test_the_largest_file_allowed_fits_in_the_confirmation_form(settings):
    sealed = Sealed(b'"' * conf.PAPER_MAX_BYTES, "I sign on paper.", "en")

    token = seal(sealed, user_id="1", campaign_id=1)

    assert len(token) < settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    assert unseal(token, user_id="1", campaign_id=1) == sealed
    assert unseal(token, user_id="2", campaign_id=1) is None
    assert unseal(token, user_id="1", campaign_id=2) is None
