"""设置 → 数据交换: data packages between offline stations and the county.

Mirrors app/services/packages: the tab, and the conflicts a person decides.
"""
