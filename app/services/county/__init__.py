"""The county's view of its stations (县级总览): their month side by side."""
