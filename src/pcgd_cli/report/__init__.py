"""Reporters: each renders a Report and knows nothing of files read or rules loaded."""
