"""Normalization and name finding in text, evasion-proof."""

from redline.text.detector import NameDetector
from redline.text.normalize import Normalized, normalize

__all__ = ["NameDetector", "Normalized", "normalize"]
