"""The organizers' campaign dashboard: counts, chart, partners, closing the loop."""
