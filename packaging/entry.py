"""The frozen app's entry point: the same `dyslexic-writer` command as the pip install."""

from dyslexic_writer.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
