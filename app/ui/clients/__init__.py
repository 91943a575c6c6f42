"""The client registry page (服务对象): list, filters, detail panel and the client form."""
