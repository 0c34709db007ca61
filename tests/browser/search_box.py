"""The site's search box, driven like a person: the helpers live in tools/searchbox.py (the search
benchmark uses them too); the browser tests import them from here."""

from tools.searchbox import FIELD, META, enter, open_search, shown, type_query  # noqa: F401
