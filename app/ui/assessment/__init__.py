"""社工考核: each worker's figures for a period, the head's scores, print and export."""
