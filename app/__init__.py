"""Station Desk (社工站工作台): case management for township social work stations."""

__version__ = "0.1.0"
