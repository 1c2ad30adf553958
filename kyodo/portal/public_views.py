"""TEMPORARY: kyodo/core/urls.py still routes the front page through this name; the view is
kyodo.portal.views.home.home. Delete this module once core/urls.py no longer imports it."""

from kyodo.portal.views.home import home

__all__ = ["home"]
