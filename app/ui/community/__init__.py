"""The 社区活动 page: community activities, their photos and printed records."""
