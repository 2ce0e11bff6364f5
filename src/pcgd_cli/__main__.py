from pcgd_cli.launch import run

run()
