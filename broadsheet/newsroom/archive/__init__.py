"""Importing a whole legacy archive: walking folders and archives (sources), decoding old encodings
(decoding), what a story is and when two files are the same story (meta), writing in batches (writer) and
the parallel run with its progress and summary (runner)."""
