"""pcgd: check Vietnam's universal education and literacy standards."""

__version__ = "0.1.0"
