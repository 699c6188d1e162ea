"""The cleaning rules, one family a module. A rule module imports ``..state`` and ``..text``
helpers, never another rule module nor the registry; ``..registry`` registers them."""
