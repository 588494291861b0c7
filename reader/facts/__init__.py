"""Facts across outlets: sentences that state the same thing, and where outlets disagree.
"""
