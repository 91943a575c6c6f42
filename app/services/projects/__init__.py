"""Purchased-service projects (服务项目): contracts, targets and their progress."""
