"""Signer exports: formula-safe CSV, streamed when small, written in the background
when large, downloadable by their requester only until they expire."""
