"""Signatures in the admin, per campaign behind the `view_signers` page permission.

Listing, inspect, history and usage views, each answering 403 to a user who may not
see the signature's campaign; every listing and inspection is audited.
"""
