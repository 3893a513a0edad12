"""Typed errors of the file formats; each message is one line naming the file and the problem."""

from __future__ import annotations

from aligner_gui.core.errors import AlignerError


class ProjectError(AlignerError):
    """A project or exchange file cannot be read or written."""


class ProjectFormatError(ProjectError):
    """The file is not valid JSON, not an aligner-gui project, or fails validation."""


class ProjectVersionError(ProjectError):
    """The file was written by a newer version of aligner-gui."""


class ProjectWriteError(ProjectError):
    """Writing failed; the previous file (if any) is intact."""


class ProjectConflictError(ProjectError):
    """The project file changed on disk since it was opened; saving would overwrite it."""


class ImportFormatError(ProjectFormatError):
    """An exchange file (TMX, InterText, MQM TSV ...) cannot be imported."""


class UnsafeXMLError(ImportFormatError):
    """XML refused for safety: entity declarations (expansion bombs, external entities)."""


class ExportFormatError(ProjectError):
    """An export cannot be produced (unknown format, unusable output path)."""
