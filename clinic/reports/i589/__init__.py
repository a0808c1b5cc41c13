"""Filling the official I-589 from a field map (issue 23): :mod:`.edition` recognises the form,
:mod:`.fill` places the values, removes the XFA layer and writes appearances (or flattens)."""
