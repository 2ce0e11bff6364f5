from pcgd_cli.cli import main

main()
