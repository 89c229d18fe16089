"""`python -m termguard` runs the command line."""

from termguard.cli import main

if __name__ == "__main__":
    main()
