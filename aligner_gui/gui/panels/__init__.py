"""Side panels: the annotation editor, the annotation and suggestion lists, the scores."""
