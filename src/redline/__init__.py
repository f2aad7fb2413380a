"""Redline: enforce a Dangerous Organizations and Individuals policy, fairly."""

__version__ = "0.1.0"
