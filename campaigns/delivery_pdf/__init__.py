"""The petition as delivered to its target: a PDF of the letter, demands and counts."""
