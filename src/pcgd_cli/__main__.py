from pcgd_cli.cli import run

run()
