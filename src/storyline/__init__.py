"""storyline: rebuild a conflict or a diplomatic process from news articles as evidence-linked data."""

__version__ = "0.1.0"
