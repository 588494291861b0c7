"""Copies and spun text: which accounts come from one source, and which words a spinner swapped.
"""
