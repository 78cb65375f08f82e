"""One view per operation of the public API."""
