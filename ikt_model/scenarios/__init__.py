"""Saved what-if scenarios: the model, the durable store, and side-by-side comparison with its chart."""
