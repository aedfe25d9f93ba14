"""Dyslexic Writer: an offline writing assistant for dyslexic writers."""

__version__ = "0.1.0"
