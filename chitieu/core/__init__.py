"""The ground floor: what every stage shares, importing nothing else from chitieu.

- `types`, `tables`: the stage types (`Cell`, `RawRow`, `RawDocument`; `ColumnSpec`,
  `LogicalRow`, `Table`).
- `lexicon`: every data file of `chitieu/data/`, found one way.
- `headers`: the header vocabulary (column roles from header words).
- `heading`: the appendix-heading grammar ("Phụ lục II", "(Kèm theo …)").
- `letterhead`: the national header of a document ("ỦY BAN NHÂN DÂN" beside "CỘNG HÒA XÃ HỘI
  CHỦ NGHĨA VIỆT NAM"), its kind and title.
- `text`: text normalization (clean, fold, markup).
"""
