"""What a signer typed is text in the signer admin, never markup."""

from __future__ import annotations

HOSTILE = "<img src=x onerror=alert(1)>"


def test_the_listing_and_inspect_view_escape_what_a_signer_typed(page, sign, viewer):
    signature = sign(page, "eve@example.org", first_name=HOSTILE)

    pages = [
        viewer.get("/admin/undersign/signatures/").content.decode(),
        viewer.get(
            f"/admin/undersign/signatures/inspect/{signature.pk}/"
        ).content.decode(),
    ]

    for html in pages:
        assert "eve@example.org" in html
        assert HOSTILE not in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
