"""The 志愿者 page: the register, their service hours and linked resources."""
