"""Statements of reasons (EU DSA Art. 17) and transparency reports."""
