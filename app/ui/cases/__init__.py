"""The 个案 page: case work from intake to follow-up."""
