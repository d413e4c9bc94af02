"""prepkit: an offline family preparedness plan for the day a parent cannot come home."""

__version__ = "0.1.0"
