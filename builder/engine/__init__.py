"""How the build's work runs, never what it does: process pools (``pool``)."""
