"""The 报表 page: monthly, annual and targets reports to Excel and PDF."""
