"""The Streamlit page layer: ``ui`` holds the layout; ``timeline.py`` and ``propose.py`` are the pages."""
