import sys
from pathlib import Path

# tests import their helper module `support` by name
sys.path.insert(0, str(Path(__file__).parent))
