"""Reproduces the fine-tuned correction models (the `training` extra holds its heavy dependencies)."""
