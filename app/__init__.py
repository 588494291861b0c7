"""The shells above the core: the command line, the window's start-up and the self-test.

Nothing below `app/` imports it, so the core, the index and the window never reach back up.
"""
