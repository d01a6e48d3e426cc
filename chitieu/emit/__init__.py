"""Emitters: the canonical JSON per file (`json_out`), its JSON Schema (`schema`), and the
batch's Parquet and CSV tables (`tables`). Import the module you need; nothing heavy is
imported here."""
