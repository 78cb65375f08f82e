"""Demo data for `make run`: the ICE-Free NYC campaign, a partner, an admin."""
