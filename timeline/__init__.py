"""Border Cooperation Timeline: a source-linked timeline of US–Mexico border cooperation.

The package is the pure core: it loads and verifies the curated data, derives dates and
administrations, finds source passages and builds exports and figures. It never imports
streamlit; ``app.py`` at the project root is the page.
"""

from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = PROJECT_DIR / "data"
DEFAULT_SEEDS_DIR = PROJECT_DIR / "seeds"

__all__ = ["DEFAULT_DATA_DIR", "DEFAULT_SEEDS_DIR", "PROJECT_DIR"]
