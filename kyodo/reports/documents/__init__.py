"""The annual report's files: an Excel workbook and a PDF of the same figures, in Japanese."""
