"""`python -m app` is the same as the `corroborate` command."""
import sys

if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # only a frozen build needs it; importing it costs 6 ms
        import multiprocessing

        multiprocessing.freeze_support()
    from app.cli import main

    sys.exit(main())
