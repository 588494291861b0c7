"""The research record: what a researcher keeps after finding a difference.

Notes anchored to passages, quotations compared across outlets, revisions of one article and
a timeline of who reported each fact first. Qt-free; the window and the command line build on it.
"""
