import sys
from pathlib import Path

# the person-row tests import their helpers (person_support) by name
sys.path.insert(0, str(Path(__file__).parent))
