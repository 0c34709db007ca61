"""Developer tools (bench, screenshots, the dev server). A package so tests can import tools.devserver."""
