"""The partner directory (合作方) and the matching of free text to it (五社联动)."""
