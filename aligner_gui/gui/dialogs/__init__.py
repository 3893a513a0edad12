"""Dialogs and banners; none of them blocks the window while the editor works."""
