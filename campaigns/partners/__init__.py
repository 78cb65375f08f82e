"""What partners receive: API tokens, their consenting signers, and the record shape."""
