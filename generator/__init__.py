"""Resolution Atlas: official UN resolution texts into a cross-linked static site."""

__version__ = "0.1.0"
