"""Demo campaign data: the 2002-2004 universalization push, with fictional people."""
