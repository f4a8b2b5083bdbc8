"""The reliability suite: each finding of the reliability probe (issue 11), reproduced."""
