"""Qt-free rules of the domain: codes, roles, identity numbers, masking."""
