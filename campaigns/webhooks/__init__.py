"""Signed webhooks: each consenting signature and withdrawal, POSTed to its partner."""
