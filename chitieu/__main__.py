from chitieu.cli import run

run()
