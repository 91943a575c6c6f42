"""Use cases. Typed keyword arguments in, dataclasses out; one session per call."""
