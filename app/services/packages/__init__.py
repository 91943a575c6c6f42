"""Data packages (数据包): offline stations' records to the county, and its answer back."""
