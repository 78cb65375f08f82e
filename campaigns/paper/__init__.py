"""Signatures collected on paper: a CSV checked row by row against the campaign's
form, a report of what was refused and why, then an all-or-nothing import."""
