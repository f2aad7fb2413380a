"""Normalization and name finding in text, evasion-proof."""
