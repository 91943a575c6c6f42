"""县级总览: the county administrator's page of all stations side by side."""
