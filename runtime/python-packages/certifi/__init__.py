from .core import contents, where

__all__ = ["contents", "where"]
__version__ = "2022.09.24"
