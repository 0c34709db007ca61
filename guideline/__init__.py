"""The guideline's source text (kilde/) -> the published page's content, versions and quote checks.

Standard library only. Data flows one way:

    kilde/retningslinje-<versjon>.txt + kilde/oppsett.toml
      -> source.parse   one file -> Document (meta + blocks with anchors and links)
      -> versions.load  every file -> [Version], anchors carried from version to version;
                        versions.removed, versions.changes for the changes page;
                        versions.timeline: which version is in force on the build date
      -> diff.segments  word-level diff of one change, for rendering
      -> quotes.check   quotes in trees and FAQ that are no longer word for word under their anchor

Each module's docstring describes its interface. Messages for HR are Norwegian and say
`file:line` (problems.Problem); errors raise layout.SourceError, a problems.ProblemError.
This package imports nothing of the project's other packages.
"""
