"""Monthly, annual and targets reports (月报/年报/目标完成情况): every figure a query."""
