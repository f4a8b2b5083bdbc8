"""Charts drawn once with reportlab graphics: shown on screen as SVG, printed in PDFs."""
