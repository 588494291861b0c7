"""Word-level comparison of articles and passages, with moves and alignment.
"""
