"""The 工作台 page: key figures, 待办 and charts, each opening the list behind it."""
