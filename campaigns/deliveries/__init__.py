"""The outbox dispatcher and the handlers for each kind of delivery."""
