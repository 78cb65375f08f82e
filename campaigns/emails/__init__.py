"""Emails to signers: thank-you, confirmation, already-signed; one daily limit."""
