"""Writers of printable and exchangeable files (PDF, Excel); they take plain data only."""
