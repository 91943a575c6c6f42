"""Worker assessment (社工考核): figures from the records, the head's scores, print and export."""
