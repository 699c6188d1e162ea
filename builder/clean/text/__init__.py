"""Helpers below the rules: patterns and word lists (``patterns``), span-aware edits of a
block's text (``spans``), line-end hyphens (``hyphens``) and lines → blocks (``blocks``).

No module here imports a rule module or the registry.
"""
