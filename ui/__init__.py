"""Corroborate's Qt user interface: views over the `reader` and `index` core."""
