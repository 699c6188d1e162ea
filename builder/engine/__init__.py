"""How the build's work runs, never what it does: process pools (``pool``), the
content-addressed cache (``cache``) and its data-only codec (``codec``), the sealed files they
share with the rest (``store``), the render memo (``memo``), the up-to-date stamp (``stamp``)
and the garbage collector's settings (``gc``). The engine calls the stages; no stage imports it."""
