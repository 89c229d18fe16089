"""`python -m termguard` runs the command line."""

from termguard.cli import run

if __name__ == "__main__":
    run()
