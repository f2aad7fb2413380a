"""Pictures: perceptual-hash banks, a face gallery of designated people, and text inside images (OCR)."""
