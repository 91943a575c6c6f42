"""Importing government rosters (低保/特困/残疾人… 名单) into the client registry."""
